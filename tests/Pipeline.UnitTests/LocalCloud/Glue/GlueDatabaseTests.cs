using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.UnitTests.LocalCloud.Glue;

/// <summary>Databases: created, read case-insensitively, listed in pages, deleted with their tables.</summary>
public sealed class GlueDatabaseTests : IDisposable
{
    private readonly CatalogHarness _harness = new();

    [Fact]
    public async Task A_database_is_stored_lower_cased_and_found_by_any_case()
    {
        await _harness.Catalog.CreateDatabaseAsync(new DatabaseInput { Name = "Sales_Raw", Description = "raw", LocationUri = "s3://lake/", Parameters = new Dictionary<string, string> { ["k"] = "v" } });

        var database = await _harness.Catalog.GetDatabaseAsync("SALES_RAW");

        Assert.Equal("sales_raw", database.Name);
        Assert.Equal("raw", database.Description);
        Assert.Equal("s3://lake/", database.LocationUri);
        Assert.Equal("v", database.Parameters!["k"]);
        Assert.Equal("123456789012", database.CatalogId);
        Assert.Equal(_harness.Time.GetUtcNow(), database.CreateTime);
    }

    [Fact]
    public async Task Creating_a_database_twice_in_another_case_is_AlreadyExistsException()
    {
        await _harness.Catalog.CreateDatabaseAsync(new DatabaseInput { Name = "sales" });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Catalog.CreateDatabaseAsync(new DatabaseInput { Name = "SALES" }));

        Assert.Equal("AlreadyExistsException", error.Code);
    }

    [Fact]
    public async Task A_missing_database_is_EntityNotFoundException()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Catalog.GetDatabaseAsync("nope"));

        Assert.Equal("EntityNotFoundException", error.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\nname")]
    public async Task An_invalid_name_is_InvalidInputException(string name)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Catalog.CreateDatabaseAsync(new DatabaseInput { Name = name }));

        Assert.Equal("InvalidInputException", error.Code);
    }

    [Fact]
    public async Task A_name_of_256_characters_is_InvalidInputException()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _harness.Catalog.CreateDatabaseAsync(new DatabaseInput { Name = new string('a', 256) }));

        Assert.Equal("InvalidInputException", error.Code);
    }

    [Fact]
    public async Task Databases_are_listed_in_pages_that_cover_each_once()
    {
        foreach (var name in new[] { "d3", "d1", "d5", "d2", "d4" })
        {
            await _harness.Catalog.CreateDatabaseAsync(new DatabaseInput { Name = name });
        }

        var first = await _harness.Catalog.GetDatabasesAsync(maxResults: 2);
        var second = await _harness.Catalog.GetDatabasesAsync(first.NextToken, 2);
        var third = await _harness.Catalog.GetDatabasesAsync(second.NextToken, 2);

        Assert.Equal(["d1", "d2"], first.Items.Select(d => d.Name));
        Assert.Equal(["d3", "d4"], second.Items.Select(d => d.Name));
        Assert.Equal(["d5"], third.Items.Select(d => d.Name));
        Assert.Null(third.NextToken);
    }

    [Fact]
    public async Task Deleting_a_database_deletes_its_tables()
    {
        await _harness.Catalog.CreateDatabaseAsync(new DatabaseInput { Name = "sales" });
        await _harness.Catalog.CreateTableAsync("sales", CatalogHarness.EventsTable());

        await _harness.Catalog.DeleteDatabaseAsync("Sales");
        await _harness.Catalog.CreateDatabaseAsync(new DatabaseInput { Name = "sales" });

        Assert.Empty((await _harness.Catalog.GetTablesAsync("sales")).Items);
    }

    public void Dispose() => _harness.Dispose();
}
