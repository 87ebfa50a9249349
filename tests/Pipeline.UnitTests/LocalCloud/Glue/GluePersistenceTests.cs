using Pipeline.AwsShapes.Glue;

namespace Pipeline.UnitTests.LocalCloud.Glue;

/// <summary>The catalog survives a restart: a new catalog over the same data directory sees everything.</summary>
public sealed class GluePersistenceTests : IDisposable
{
    private readonly CatalogHarness _harness = new();

    [Fact]
    public async Task A_reopened_catalog_has_the_databases_tables_and_partitions()
    {
        await _harness.Catalog.CreateDatabaseAsync(new DatabaseInput { Name = "lake" });
        var created = await _harness.Catalog.CreateTableAsync("lake", CatalogHarness.EventsTable());
        await _harness.Catalog.BatchCreatePartitionAsync("lake", "events", [CatalogHarness.Partition("2026", "01")]);

        var catalog = _harness.Reopen();

        Assert.Equal("lake", (await catalog.GetDatabaseAsync("lake")).Name);
        Assert.Equal(created, await catalog.GetTableAsync("lake", "events"), new TableEquality());
        Assert.Equal(["2026", "01"], Assert.Single((await catalog.GetPartitionsAsync("lake", "events")).Items).Values);
        Assert.True(File.Exists(Path.Combine(_harness.Options.DataDirectory, "glue", "catalog.json")));
    }

    public void Dispose() => _harness.Dispose();

    // Records compare lists by reference; the round trip makes new lists, so compare what they hold.
    private sealed class TableEquality : IEqualityComparer<Table>
    {
        public bool Equals(Table? x, Table? y) =>
            x is not null && y is not null && x.Name == y.Name && x.CreateTime == y.CreateTime
            && x.StorageDescriptor!.Columns!.Select(c => (c.Name, c.Type)).SequenceEqual(y.StorageDescriptor!.Columns!.Select(c => (c.Name, c.Type)))
            && x.StorageDescriptor.SerdeInfo!.SerializationLibrary == y.StorageDescriptor.SerdeInfo!.SerializationLibrary
            && x.Parameters!.SequenceEqual(y.Parameters!);

        public int GetHashCode(Table obj) => obj.Name!.GetHashCode(StringComparison.Ordinal);
    }
}
