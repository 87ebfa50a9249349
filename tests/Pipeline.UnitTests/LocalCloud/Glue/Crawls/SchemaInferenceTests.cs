using System.IO.Compression;
using Pipeline.DuckDb;
using Pipeline.LocalCloud.Glue.Crawlers.Crawling;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.LocalCloud.Glue.Crawls;

/// <summary>One object's schema read with DuckDB: gzip or plain JSON lines, Parquet; Glue's types, JSON dates as strings.</summary>
public sealed class SchemaInferenceTests : IDisposable
{
    private readonly DuckDbSchemaInferrer _inferrer = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("glue-infer-").FullName;

    [Fact]
    public void A_gzip_json_file_gives_structs_arrays_and_int_or_bigint_by_range()
    {
        var path = Gzip("clicks-a.json");

        var schema = _inferrer.Infer(path);

        Assert.Equal(FileFormat.Json, schema.Format);
        Assert.True(schema.Gzip);
        Assert.Equal(2, schema.RecordCount);
        Assert.Equal(
            "struct<event_id:string,event_time:string,user:struct<id:int,name:string>,tags:array<string>,price:double,epoch_ms:bigint,active:boolean>",
            schema.Columns.ToString());
    }

    [Fact]
    public void A_plain_json_file_is_read_without_compression_whatever_its_name()
    {
        var path = Path.Combine(_directory, "data.gz");
        File.Copy(ReferenceFiles.Fixture("glue-crawler", "clicks-b.json"), path);

        var schema = _inferrer.Infer(path);

        Assert.False(schema.Gzip);
        Assert.Equal(
            "struct<event_id:string,event_time:string,user:struct<id:int,name:string,plan:struct<tier:string,seats:int>>,tags:array<string>,price:int,epoch_ms:bigint,active:boolean,referrer:string,note:string>",
            schema.Columns.ToString());
        Assert.IsType<HiveUnknown>(schema.Columns.Fields.Single(f => f.Name == "note").Type);
    }

    [Fact]
    public void Integers_inside_arrays_of_structs_are_ranged_too()
    {
        var schema = _inferrer.Infer(Gzip("nested-arrays.json"));

        Assert.Equal("struct<items:array<struct<sku:string,qty:int,serial:bigint>>,matrix:array<array<int>>>", schema.Columns.ToString());
    }

    [Fact]
    public void A_parquet_file_keeps_its_timestamps_and_integer_widths()
    {
        var path = Path.Combine(_directory, "part-0");
        using (var connection = DuckDbConnections.OpenInMemory())
        {
            connection.Execute(
                $"COPY (SELECT 'e1' AS event_id, TIMESTAMP '2026-01-02 03:04:05' AS event_time, 5::INTEGER AS qty, 5::BIGINT AS total, {{'lat': 1.5, 'lon': 2.5}} AS geo, ['a'] AS tags) TO '{path}' (FORMAT parquet)");
        }

        var schema = _inferrer.Infer(path);

        Assert.Equal(FileFormat.Parquet, schema.Format);
        Assert.Equal(1, schema.RecordCount);
        Assert.Equal("struct<event_id:string,event_time:timestamp,qty:int,total:bigint,geo:struct<lat:decimal(2,1),lon:decimal(2,1)>,tags:array<string>>", schema.Columns.ToString());
    }

    [Fact]
    public void A_file_that_is_not_json_is_a_crawl_error()
    {
        var error = Assert.Throws<CrawlException>(() => _inferrer.Infer(Gzip("not-json.json")));

        Assert.Contains("JSON", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _inferrer.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private string Gzip(string fixture)
    {
        var path = Path.Combine(_directory, fixture + ".gz");
        using var source = File.OpenRead(ReferenceFiles.Fixture("glue-crawler", fixture));
        using var target = File.Create(path);
        using var zip = new GZipStream(target, CompressionLevel.Fastest);
        source.CopyTo(zip);
        return path;
    }
}
