using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.UnitTests.LocalCloud.Glue;

/// <summary>Partitions: batch-created with per-partition errors, read singly and in batches, filtered and paged.</summary>
public sealed class GluePartitionTests : IDisposable
{
    private readonly CatalogHarness _harness = new();

    public GluePartitionTests()
    {
        _harness.Catalog.CreateDatabaseAsync(new DatabaseInput { Name = "lake" }).GetAwaiter().GetResult();
        _harness.Catalog.CreateTableAsync("lake", CatalogHarness.EventsTable()).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Duplicates_come_back_as_AlreadyExists_errors_and_the_rest_are_created()
    {
        await _harness.Catalog.BatchCreatePartitionAsync("lake", "events", [CatalogHarness.Partition("2026", "01")]);

        var errors = await _harness.Catalog.BatchCreatePartitionAsync("lake", "events", [CatalogHarness.Partition("2026", "01"), CatalogHarness.Partition("2026", "02")]);

        var error = Assert.Single(errors);
        Assert.Equal(["2026", "01"], error.PartitionValues);
        Assert.Equal("AlreadyExistsException", error.ErrorDetail!.ErrorCode);
        Assert.Equal(2, (await _harness.Catalog.GetPartitionsAsync("lake", "events")).Items.Count);
    }

    [Fact]
    public async Task A_partition_with_the_wrong_number_of_values_is_an_InvalidInput_error()
    {
        var errors = await _harness.Catalog.BatchCreatePartitionAsync("lake", "events", [new PartitionInput { Values = ["2026"] }]);

        Assert.Equal("InvalidInputException", Assert.Single(errors).ErrorDetail!.ErrorCode);
    }

    [Fact]
    public async Task More_than_100_partitions_is_InvalidInputException()
    {
        var inputs = Enumerable.Range(0, 101).Select(i => CatalogHarness.Partition("2026", i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))).ToList();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Catalog.BatchCreatePartitionAsync("lake", "events", inputs));

        Assert.Equal("InvalidInputException", error.Code);
    }

    [Fact]
    public async Task A_partition_is_read_by_its_values()
    {
        await _harness.Catalog.BatchCreatePartitionAsync("lake", "EVENTS", [CatalogHarness.Partition("2026", "01")]);

        var partition = await _harness.Catalog.GetPartitionAsync("lake", "events", ["2026", "01"]);
        var missing = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Catalog.GetPartitionAsync("lake", "events", ["2026", "02"]));

        Assert.Equal("s3://lake/events/year=2026/month=01/", partition.StorageDescriptor!.Location);
        Assert.Equal("events", partition.TableName);
        Assert.Equal("EntityNotFoundException", missing.Code);
    }

    [Fact]
    public async Task A_batch_get_returns_the_partitions_that_exist()
    {
        await _harness.Catalog.BatchCreatePartitionAsync("lake", "events", [CatalogHarness.Partition("2026", "01"), CatalogHarness.Partition("2026", "03")]);

        var found = await _harness.Catalog.BatchGetPartitionAsync("lake", "events", [["2026", "03"], ["2026", "02"], ["2026", "01"]]);

        Assert.Equal(["03", "01"], found.Select(p => p.Values![1]));
    }

    [Theory]
    [InlineData("year='2026' AND month='01'", "2026/01")]
    [InlineData("YEAR = '2025'", "2025/12")]
    [InlineData("year='2026' and month >= '02'", "2026/02,2026/03")]
    [InlineData("year > 2025 AND month <> '01'", "2026/02,2026/03")]
    public async Task The_expression_filters_partitions(string expression, string expected)
    {
        await _harness.Catalog.BatchCreatePartitionAsync("lake", "events",
            [CatalogHarness.Partition("2025", "12"), CatalogHarness.Partition("2026", "01"), CatalogHarness.Partition("2026", "02"), CatalogHarness.Partition("2026", "03")]);

        var page = await _harness.Catalog.GetPartitionsAsync("lake", "events", expression);

        Assert.Equal(expected, string.Join(',', page.Items.Select(p => string.Join('/', p.Values!))));
    }

    [Theory]
    [InlineData("year LIKE '20%'")]
    [InlineData("day='01'")]
    public async Task An_expression_LocalCloud_cannot_evaluate_is_InvalidInputException(string expression)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Catalog.GetPartitionsAsync("lake", "events", expression));

        Assert.Equal("InvalidInputException", error.Code);
    }

    [Fact]
    public async Task Partitions_are_listed_in_pages()
    {
        await _harness.Catalog.BatchCreatePartitionAsync("lake", "events", [CatalogHarness.Partition("2026", "02"), CatalogHarness.Partition("2026", "01"), CatalogHarness.Partition("2025", "12")]);

        var first = await _harness.Catalog.GetPartitionsAsync("lake", "events", maxResults: 2);
        var second = await _harness.Catalog.GetPartitionsAsync("lake", "events", nextToken: first.NextToken, maxResults: 2);

        Assert.Equal(["2025/12", "2026/01"], first.Items.Select(p => string.Join('/', p.Values!)));
        Assert.Equal(["2026/02"], second.Items.Select(p => string.Join('/', p.Values!)));
        Assert.Null(second.NextToken);
    }

    [Fact]
    public async Task Deleting_the_table_deletes_its_partitions()
    {
        await _harness.Catalog.BatchCreatePartitionAsync("lake", "events", [CatalogHarness.Partition("2026", "01")]);

        await _harness.Catalog.DeleteTableAsync("lake", "events");
        await _harness.Catalog.CreateTableAsync("lake", CatalogHarness.EventsTable());

        Assert.Empty((await _harness.Catalog.GetPartitionsAsync("lake", "events")).Items);
    }

    public void Dispose() => _harness.Dispose();
}
