namespace Pipeline.Explorer.Hosting;

/// <summary>Where the Explorer listens and what it asks Athena; section <c>Explorer</c>, or <c>Explorer__*</c> variables.</summary>
public sealed class ExplorerOptions
{
    public const string Section = "Explorer";

    /// <summary>The variable the app host passes the port in.</summary>
    public const string PortVariable = "Explorer__Port";

    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The Athena workgroup; empty means the local deployment's (<c>name_prefix_local</c> in datasets.json).</summary>
    public string WorkGroup { get; set; } = string.Empty;

    /// <summary>The Glue database of unqualified table names; empty means datasets.json's <c>catalog_database</c>.</summary>
    public string Database { get; set; } = string.Empty;

    /// <summary>
    /// Result location for a workgroup that does not enforce its own (e.g. <c>s3://bucket/athena-results/</c>); empty
    /// leaves it to the workgroup.
    /// </summary>
    public string OutputLocation { get; set; } = string.Empty;

    /// <summary>How often the page asks again, so it follows the generators.</summary>
    public int RefreshSeconds { get; set; } = 10;

    /// <summary>Rows a result keeps; the rest are counted as truncated.</summary>
    public int MaxRows { get; set; } = 2000;

    public int QueryTimeoutSeconds { get; set; } = 120;

    /// <summary>Table per template variable (<c>&lt;dataset&gt;_stage</c>, <c>&lt;dataset&gt;_raw</c>) overriding datasets.json's names.</summary>
    public Dictionary<string, string> Tables { get; set; } = new(StringComparer.Ordinal);
}
