using Pipeline.AwsShapes.Glue;

namespace Pipeline.UnitTests.LocalCloud.Glue.Crawls;

/// <summary>
/// A crawl over files that differ in fields: the table is the union of their columns in first-seen order (struct
/// members too), and a later file that lacks a column never takes it away or moves it.
/// </summary>
public sealed class FilesOfDifferentShapesCrawlTests : IDisposable
{
    private const string Target = "s3://lake/raw/vehicle_telemetry/";
    private const string Table = "raw_vehicle_telemetry";
    private const string Root = "raw/vehicle_telemetry/year=2026/month=01/day=15/";

    private const string FirehoseLine =
        """{"event_id":"e1","vehicle_id":"V1","speed_kmh":51.5,"engine":{"rpm":1200,"temp_c":88.5},"ingest_time":"2026-01-15T08:00:01Z"}""" + "\n";

    private const string CopiedLine =
        """{"event_id":"e3","vehicle_id":"V3","speed_kmh":33.0,"engine":{"rpm":1500,"oil_bar":3.2},"firmware":"2.1"}""" + "\n";

    private readonly CrawlerHarness _harness = new();

    [Fact]
    public async Task One_crawl_catalogs_the_union_of_the_files_columns_in_first_seen_order()
    {
        await _harness.SetUpAsync(CrawlerHarness.Definition(path: Target));
        await _harness.PutAsync(Root + "hour=08/data.json", CopiedLine, gzip: false);
        await _harness.PutAsync(Root + "hour=08/pipeline-local-vehicle_telemetry-1-2026-01-15-08-00-00-0f1e", FirehoseLine);

        await _harness.CrawlAsync();

        Assert.Equal(
            "event_id:string,vehicle_id:string,speed_kmh:double,engine:struct<rpm:int,oil_bar:double,temp_c:double>,firmware:string,ingest_time:string",
            await ColumnsAsync());
    }

    [Theory]
    [InlineData("CRAWL_EVERYTHING")]
    [InlineData("CRAWL_NEW_FOLDERS_ONLY")]
    public async Task A_later_file_without_a_column_keeps_it_in_place_and_adds_its_own(string recrawl)
    {
        await _harness.SetUpAsync(CrawlerHarness.Definition(path: Target, update: "UPDATE_IN_DATABASE", delete: "LOG", recrawl: recrawl));
        await _harness.PutAsync(Root + "hour=08/pipeline-local-vehicle_telemetry-1-2026-01-15-08-00-00-0f1e", FirehoseLine);
        await _harness.CrawlAsync();

        // In a folder that sorts first, so the files' first-seen order alone would put firmware before ingest_time.
        await _harness.PutAsync(Root + "hour=07/data.json", CopiedLine, gzip: false);
        await _harness.CrawlAsync();

        Assert.Equal(
            "event_id:string,vehicle_id:string,speed_kmh:double,engine:struct<rpm:int,temp_c:double,oil_bar:double>,ingest_time:string,firmware:string",
            await ColumnsAsync());
        Assert.Equal(2, (await _harness.PartitionsAsync(Table)).Count);
    }

    [Fact]
    public async Task A_column_no_file_has_any_more_goes_when_everything_is_read()
    {
        await _harness.SetUpAsync(CrawlerHarness.Definition(path: Target, update: "UPDATE_IN_DATABASE", delete: "LOG"));
        await _harness.PutAsync(Root + "hour=08/pipeline-local-vehicle_telemetry-1-2026-01-15-08-00-00-0f1e", FirehoseLine);
        await _harness.PutAsync(Root + "hour=09/data.json", CopiedLine, gzip: false);
        await _harness.CrawlAsync();

        await _harness.Store.DeleteObjectAsync(CrawlerHarness.Bucket, Root + "hour=09/data.json");
        await _harness.CrawlAsync();

        // Glue's UPDATE_IN_DATABASE removes missing columns: only those no object has.
        Assert.Equal(
            "event_id:string,vehicle_id:string,speed_kmh:double,engine:struct<rpm:int,temp_c:double>,ingest_time:string",
            await ColumnsAsync());
    }

    public void Dispose() => _harness.Dispose();

    private async Task<string> ColumnsAsync()
    {
        Table table = await _harness.Catalog.GetTableAsync(CrawlerHarness.Database, Table);
        return string.Join(',', table.StorageDescriptor!.Columns!.Select(c => c.Name + ":" + c.Type));
    }
}
