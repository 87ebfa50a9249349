using Pipeline.LocalCloud.Athena.Sql;

namespace Pipeline.UnitTests.LocalCloud.Athena;

/// <summary>Glue column types become the DuckDB types the engine reads JSON and Parquet with.</summary>
public sealed class HiveTypeMappingTests
{
    [Theory]
    [InlineData("string", "VARCHAR")]
    [InlineData("varchar(20)", "VARCHAR")]
    [InlineData("bigint", "BIGINT")]
    [InlineData("int", "INTEGER")]
    [InlineData("double", "DOUBLE")]
    [InlineData("boolean", "BOOLEAN")]
    [InlineData("timestamp", "TIMESTAMP")]
    [InlineData("date", "DATE")]
    [InlineData("decimal(12,3)", "DECIMAL(12,3)")]
    [InlineData("array<string>", "VARCHAR[]")]
    [InlineData("map<string,bigint>", "MAP(VARCHAR, BIGINT)")]
    [InlineData("struct<speed_kmh:double,fuel_pct:double>", "STRUCT(\"speed_kmh\" DOUBLE, \"fuel_pct\" DOUBLE)")]
    [InlineData("array<struct<code:string,active:boolean>>", "STRUCT(\"code\" VARCHAR, \"active\" BOOLEAN)[]")]
    [InlineData("struct<pos:struct<lat:double,lon:double>,tags:array<string>>", "STRUCT(\"pos\" STRUCT(\"lat\" DOUBLE, \"lon\" DOUBLE), \"tags\" VARCHAR[])")]
    public void Maps_glue_types(string glue, string duckDb) => Assert.Equal(duckDb, HiveTypes.ToDuckDb(glue));

    [Theory]
    [InlineData("uniontype<int,string>")]
    [InlineData("array<string")]
    [InlineData("struct<a>")]
    public void Rejects_types_it_cannot_read(string glue) => Assert.Throws<FormatException>(() => HiveTypes.ToDuckDb(glue));
}
