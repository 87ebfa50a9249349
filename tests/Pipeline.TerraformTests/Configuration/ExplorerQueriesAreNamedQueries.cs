using System.Text.Json.Nodes;
using Pipeline.Explorer.Queries;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

/// <summary>
/// Every question the Explorer asks is a named query of the analytics module, from the same file: the Explorer builds
/// in <c>terraform/modules/analytics/queries/*.sql</c>, the module makes an <c>aws_athena_named_query</c> of each.
/// </summary>
public sealed class ExplorerQueriesAreNamedQueries
{
    private const string Module = "modules/analytics";

    private static string QueriesFolder => Path.Combine(RepositoryPaths.Terraform, "modules", "analytics", "queries");

    [Fact]
    public void Each_explorer_query_is_a_file_of_the_modules_queries_folder_and_each_file_an_explorer_query()
    {
        var explorer = QueryCatalog.BuiltIn();
        var files = Directory.GetFiles(QueriesFolder, "*.sql").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray();

        Assert.NotEmpty(explorer);
        Assert.Equal(files, explorer.Select(q => q.Name).Order(StringComparer.Ordinal));
        Problems.AssertNone(explorer
            .Where(q => File.ReadAllText(Path.Combine(QueriesFolder, q.Name + ".sql")) != q.Template)
            .Select(q => $"queries/{q.Name}.sql differs from the Explorer's built-in copy"));
    }

    [Fact]
    public void The_module_makes_a_named_query_of_each_file_of_the_folder()
    {
        var module = HclParser.RepositoryTree.Modules[Module];
        var local = string.Join("\n", JsonValues.Strings(module.Locals["explorer_queries"]));

        // The local reads every file of the folder (fileset), fills its tables in (templatefile) and keys it by name.
        Assert.Contains("fileset(\"${path.module}/queries\", \"*.sql\")", local, StringComparison.Ordinal);
        Assert.Contains("trimsuffix(file, \".sql\")", local, StringComparison.Ordinal);
        Assert.Contains("templatefile(\"${path.module}/queries/${file}\", local.query_tables)", local, StringComparison.Ordinal);

        var named = module.Resources("aws_athena_named_query").SingleOrDefault(r => Value(r.Body, "for_each") == "${local.explorer_queries}");
        Assert.True(named is not null, $"{Module} has no aws_athena_named_query with for_each = local.explorer_queries");
        Assert.Equal("${var.name_prefix}-${each.key}", Value(named.Body, "name"));
        Assert.Equal("${each.value}", Value(named.Body, "query"));
        Assert.Equal("${var.database_name}", Value(named.Body, "database"));
        Assert.Equal("${aws_athena_workgroup.this.id}", Value(named.Body, "workgroup"));
    }

    [Fact]
    public void Every_table_an_explorer_query_reads_is_a_template_variable_the_module_provides()
    {
        var module = HclParser.RepositoryTree.Modules[Module];
        var tables = string.Join("\n", JsonValues.Strings(module.Locals["query_tables"]));
        Assert.Contains("\"${dataset}_stage\" => table", tables, StringComparison.Ordinal);
        Assert.Contains("\"${dataset}_raw\" => table", tables, StringComparison.Ordinal);

        var datasets = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("datasets.json")))!["datasets"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var provided = datasets.SelectMany(d => new[] { d + "_stage", d + "_raw" }).ToHashSet(StringComparer.Ordinal);
        Problems.AssertNone(QueryCatalog.BuiltIn()
            .SelectMany(q => QueryCatalog.Variables(q.Template).Where(v => !provided.Contains(v)).Select(v => $"queries/{q.Name}.sql reads ${{{v}}}, which no dataset of datasets.json provides")));
    }

    private static string? Value(JsonObject body, string attribute) => JsonValues.AsString(body[attribute]);
}
