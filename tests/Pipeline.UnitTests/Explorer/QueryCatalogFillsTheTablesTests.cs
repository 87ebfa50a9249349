using Pipeline.Contracts.Datasets;
using Pipeline.Explorer.Queries;

namespace Pipeline.UnitTests.Explorer;

/// <summary>The Explorer's queries (the analytics module's files) filled in with a deployment's tables.</summary>
public sealed class QueryCatalogFillsTheTablesTests
{
    private static readonly Dictionary<string, string> Tables = new(StringComparer.Ordinal)
    {
        ["clickstream_stage"] = "clicks_stage",
        ["clickstream_raw"] = "raw_clicks",
    };

    [Fact]
    public void Every_variable_is_replaced_by_its_table()
    {
        var sql = QueryCatalog.Render("SELECT * FROM ${clickstream_raw} UNION ALL SELECT * FROM ${clickstream_stage}\n", Tables);

        Assert.Equal("SELECT * FROM raw_clicks UNION ALL SELECT * FROM clicks_stage", sql);
    }

    [Fact]
    public void A_variable_without_a_table_is_an_error_as_in_templatefile() =>
        Assert.Throws<KeyNotFoundException>(() => QueryCatalog.Render("SELECT * FROM ${vehicle_telemetry_stage}", Tables));

    [Fact]
    public void An_unknown_query_name_is_an_error() =>
        Assert.Throws<KeyNotFoundException>(() => new QueryCatalog([new ExplorerQuery("a", "SELECT 1")], Tables).Render("b"));

    [Fact]
    public void The_tables_of_a_deployment_are_its_stage_and_raw_tables_per_dataset()
    {
        var datasets = DatasetCatalog.BuiltIn();

        var tables = QueryCatalog.TablesOf(datasets);

        Assert.Equal(datasets.All.Count * 2, tables.Count);
        Assert.All(datasets.All, d => Assert.Equal(datasets.Deployment.StageTableFor(d.Name), tables[d.Name + "_stage"]));
        Assert.All(datasets.All, d => Assert.Equal(datasets.Deployment.RawTableFor(d.Name), tables[d.Name + "_raw"]));
    }

    [Fact]
    public void Every_built_in_query_renders_for_the_built_in_datasets()
    {
        var catalog = new QueryCatalog(QueryCatalog.BuiltIn(), QueryCatalog.TablesOf(DatasetCatalog.BuiltIn()));

        Assert.NotEmpty(catalog.All);
        Assert.All(catalog.All, q => Assert.StartsWith("SELECT ", catalog.Render(q.Name), StringComparison.Ordinal));
        Assert.All(catalog.All, q => Assert.DoesNotContain("${", catalog.Render(q.Name), StringComparison.Ordinal));
    }

    [Fact]
    public void The_variables_of_a_template_are_listed_once_each() =>
        Assert.Equal(["a_stage", "b_raw"], QueryCatalog.Variables("${a_stage} ${b_raw} ${a_stage}"));
}
