using System.Text.RegularExpressions;
using Pipeline.Contracts.Datasets;

namespace Pipeline.Explorer.Queries;

/// <summary>
/// The questions the Explorer asks: the <c>terraform/modules/analytics/queries/*.sql</c> files built into this assembly,
/// whose <c>${&lt;dataset&gt;_stage}</c> and <c>${&lt;dataset&gt;_raw}</c> variables are filled in as Terraform's
/// <c>templatefile()</c> fills them.
/// </summary>
public sealed partial class QueryCatalog
{
    private const string ResourcePrefix = "Queries/";

    private readonly Dictionary<string, ExplorerQuery> _byName;

    public QueryCatalog(IEnumerable<ExplorerQuery> queries, IReadOnlyDictionary<string, string> tables)
    {
        _byName = queries.ToDictionary(q => q.Name, StringComparer.Ordinal);
        Tables = tables;
    }

    /// <summary>Table name per template variable.</summary>
    public IReadOnlyDictionary<string, string> Tables { get; }

    public IReadOnlyCollection<ExplorerQuery> All => _byName.Values;

    /// <summary>The queries built into the Explorer, by file name without <c>.sql</c>.</summary>
    public static IReadOnlyList<ExplorerQuery> BuiltIn()
    {
        var assembly = typeof(QueryCatalog).Assembly;
        var queries = new List<ExplorerQuery>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            queries.Add(new ExplorerQuery(Path.GetFileNameWithoutExtension(resource[ResourcePrefix.Length..]), reader.ReadToEnd()));
        }

        return queries;
    }

    /// <summary>
    /// The template variables of a deployment: <c>&lt;dataset&gt;_stage</c> and <c>&lt;dataset&gt;_raw</c> for each
    /// dataset, as the analytics module builds them from its <c>stage_tables</c> and <c>raw_tables</c>.
    /// </summary>
    public static Dictionary<string, string> TablesOf(DatasetCatalog datasets)
    {
        var tables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dataset in datasets.All)
        {
            tables[dataset.Name + "_stage"] = datasets.Deployment.StageTableFor(dataset.Name);
            tables[dataset.Name + "_raw"] = datasets.Deployment.RawTableFor(dataset.Name);
        }

        return tables;
    }

    /// <summary>The variables <paramref name="template"/> names, in order of first use.</summary>
    public static IReadOnlyList<string> Variables(string template) =>
        [.. Variable().Matches(template).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The SQL of <paramref name="name"/> for this deployment's tables.</summary>
    /// <exception cref="KeyNotFoundException">No such query, or it reads a table this deployment lacks.</exception>
    public string Render(string name)
    {
        if (!_byName.TryGetValue(name, out var query))
        {
            throw new KeyNotFoundException($"The Explorer has no query named '{name}'.");
        }

        return Render(query.Template, Tables);
    }

    /// <summary>Fills in <paramref name="template"/>; as <c>templatefile()</c>, a variable without a value is an error.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> tables) =>
        Variable().Replace(template, m => tables.TryGetValue(m.Groups[1].Value, out var table)
            ? table
            : throw new KeyNotFoundException($"This deployment has no table for ${{{m.Groups[1].Value}}}.")).Trim();

    [GeneratedRegex(@"\$\{([a-z0-9_]+)\}")]
    private static partial Regex Variable();
}
