using Pipeline.LocalCloud.Glue.Crawlers.Crawling;

namespace Pipeline.UnitTests.LocalCloud.Glue.Crawls;

/// <summary>DuckDB's printed types read as the Hive types Glue catalogs.</summary>
public sealed class DuckDbTypeParserTests
{
    [Theory]
    [InlineData("VARCHAR", "string")]
    [InlineData("BIGINT", "bigint")]
    [InlineData("INTEGER", "int")]
    [InlineData("DOUBLE", "double")]
    [InlineData("BOOLEAN", "boolean")]
    [InlineData("DECIMAL(10,2)", "decimal(10,2)")]
    [InlineData("VARCHAR[]", "array<string>")]
    [InlineData("BIGINT[][]", "array<array<bigint>>")]
    [InlineData("STRUCT(a VARCHAR, b BIGINT)", "struct<a:string,b:bigint>")]
    [InlineData("STRUCT(\"my field\" VARCHAR, \"x\"\"y\" STRUCT(z DOUBLE)[])", "struct<my field:string,x\"y:array<struct<z:double>>>")]
    [InlineData("MAP(VARCHAR, INTEGER)", "map<string,int>")]
    [InlineData("STRUCT(t TIMESTAMP WITH TIME ZONE, d DATE)", "struct<t:timestamp,d:date>")]
    [InlineData("ENUM('a', 'b')", "string")]
    public void Parquet_types(string duckDb, string hive)
    {
        Assert.Equal(hive, DuckDbTypeParser.Parse(duckDb, FileFormat.Parquet).ToString());
    }

    [Theory]
    [InlineData("TIMESTAMP", "string")]
    [InlineData("DATE", "string")]
    [InlineData("STRUCT(at TIMESTAMP WITH TIME ZONE)", "struct<at:string>")]
    public void Dates_in_json_stay_strings(string duckDb, string hive)
    {
        Assert.Equal(hive, DuckDbTypeParser.Parse(duckDb, FileFormat.Json).ToString());
    }

    [Theory]
    [InlineData("NULL")]
    [InlineData("JSON")]
    public void A_null_only_field_has_no_type_yet(string duckDb)
    {
        Assert.IsType<HiveUnknown>(DuckDbTypeParser.Parse(duckDb, FileFormat.Json));
    }

    [Fact]
    public void A_malformed_type_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => DuckDbTypeParser.Parse("STRUCT(a VARCHAR", FileFormat.Json));
    }
}
