using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.UnitTests.LocalCloud.Glue;

/// <summary>Tables: created with their full definition, updated in place, filtered, paged, deleted.</summary>
public sealed class GlueTableTests : IDisposable
{
    private readonly CatalogHarness _harness = new();

    public GlueTableTests() => _harness.Catalog.CreateDatabaseAsync(new DatabaseInput { Name = "lake" }).GetAwaiter().GetResult();

    [Fact]
    public async Task A_table_keeps_its_definition_and_hive_types_as_given()
    {
        await _harness.Catalog.CreateTableAsync("LAKE", CatalogHarness.EventsTable("Events"));

        var table = await _harness.Catalog.GetTableAsync("lake", "EVENTS");

        Assert.Equal("events", table.Name);
        Assert.Equal("lake", table.DatabaseName);
        Assert.Equal("EXTERNAL_TABLE", table.TableType);
        Assert.Equal("json", table.Parameters!["classification"]);
        Assert.Equal(["year", "month"], table.PartitionKeys!.Select(k => k.Name));
        Assert.Equal(["string", "double", "array<string>", "struct<lat:double,lon:double>"], table.StorageDescriptor!.Columns!.Select(c => c.Type));
        Assert.Equal("event id", table.StorageDescriptor.Columns![0].Comment);
        Assert.Equal("org.openx.data.jsonserde.JsonSerDe", table.StorageDescriptor.SerdeInfo!.SerializationLibrary);
        Assert.Equal("123456789012", table.CatalogId);
        Assert.Equal(table.CreateTime, table.UpdateTime);
    }

    [Fact]
    public async Task A_table_in_a_missing_database_is_EntityNotFoundException()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Catalog.CreateTableAsync("nope", CatalogHarness.EventsTable()));

        Assert.Equal("EntityNotFoundException", error.Code);
    }

    [Fact]
    public async Task Creating_a_table_twice_is_AlreadyExistsException()
    {
        await _harness.Catalog.CreateTableAsync("lake", CatalogHarness.EventsTable());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Catalog.CreateTableAsync("lake", CatalogHarness.EventsTable("EVENTS")));

        Assert.Equal("AlreadyExistsException", error.Code);
    }

    [Fact]
    public async Task Updating_replaces_the_definition_and_keeps_the_creation_time()
    {
        var created = await _harness.Catalog.CreateTableAsync("lake", CatalogHarness.EventsTable());
        _harness.Time.Advance(TimeSpan.FromHours(1));

        await _harness.Catalog.UpdateTableAsync("lake", CatalogHarness.EventsTable() with { Parameters = new Dictionary<string, string> { ["classification"] = "parquet" }, Description = "now parquet" });
        var table = await _harness.Catalog.GetTableAsync("lake", "events");

        Assert.Equal("parquet", table.Parameters!["classification"]);
        Assert.Equal("now parquet", table.Description);
        Assert.Equal(created.CreateTime, table.CreateTime);
        Assert.Equal(created.CreateTime + TimeSpan.FromSeconds(3600), table.UpdateTime);
    }

    [Fact]
    public async Task Updating_a_missing_table_is_EntityNotFoundException()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Catalog.UpdateTableAsync("lake", CatalogHarness.EventsTable()));

        Assert.Equal("EntityNotFoundException", error.Code);
    }

    [Fact]
    public async Task The_expression_filters_tables_by_pattern()
    {
        foreach (var name in new[] { "events_raw", "events_clean", "users" })
        {
            await _harness.Catalog.CreateTableAsync("lake", CatalogHarness.EventsTable(name));
        }

        var page = await _harness.Catalog.GetTablesAsync("lake", "EVENTS_.*");

        Assert.Equal(["events_clean", "events_raw"], page.Items.Select(t => t.Name));
    }

    [Fact]
    public async Task Tables_are_listed_in_pages()
    {
        foreach (var name in new[] { "c", "a", "b" })
        {
            await _harness.Catalog.CreateTableAsync("lake", CatalogHarness.EventsTable(name));
        }

        var first = await _harness.Catalog.GetTablesAsync("lake", maxResults: 2);
        var second = await _harness.Catalog.GetTablesAsync("lake", nextToken: first.NextToken, maxResults: 2);

        Assert.Equal(["a", "b"], first.Items.Select(t => t.Name));
        Assert.Equal(["c"], second.Items.Select(t => t.Name));
        Assert.Null(second.NextToken);
    }

    [Fact]
    public async Task A_deleted_table_is_gone()
    {
        await _harness.Catalog.CreateTableAsync("lake", CatalogHarness.EventsTable());

        await _harness.Catalog.DeleteTableAsync("lake", "Events");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Catalog.GetTableAsync("lake", "events"));
        Assert.Equal("EntityNotFoundException", error.Code);
    }

    public void Dispose() => _harness.Dispose();
}
