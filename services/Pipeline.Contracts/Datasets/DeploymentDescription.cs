using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Datasets;

/// <summary>
/// How every dataset is deployed: names, prefixes and buffering, per environment. Written once in
/// <c>datasets.json</c> and read by the app host and the Terraform environment, so the two cannot drift apart.
/// Prefixes hold <c>{dataset}</c>, replaced by the dataset's name.
/// </summary>
public sealed record DeploymentDescription
{
    public const string DatasetPlaceholder = "{dataset}";

    [JsonPropertyName("name_prefix_local")]
    public string NamePrefixLocal { get; set; } = "pipeline-local";

    [JsonPropertyName("raw_prefix")]
    public string RawPrefix { get; set; } = "raw/{dataset}/";

    [JsonPropertyName("error_prefix")]
    public string ErrorPrefix { get; set; } = "errors/{dataset}/!{firehose:error-output-type}/";

    [JsonPropertyName("stage_prefix")]
    public string StagePrefix { get; set; } = "stage/{dataset}/";

    /// <summary>The Glue database holding both layers' tables (Athena's <c>database.table</c>).</summary>
    [JsonPropertyName("catalog_database")]
    public string CatalogDatabase { get; set; } = "pipeline";

    /// <summary>The raw crawler's table prefix: its table is this plus the dataset's folder name.</summary>
    [JsonPropertyName("raw_table_prefix")]
    public string RawTablePrefix { get; set; } = "raw_";

    /// <summary>The stage table the ETL job writes into the catalog, with <c>{dataset}</c>.</summary>
    [JsonPropertyName("stage_table")]
    public string StageTable { get; set; } = "{dataset}_stage";

    /// <summary>Where each ETL run writes its JSON summary (rows, partitions), read by the notifier.</summary>
    [JsonPropertyName("job_runs_prefix")]
    public string JobRunsPrefix { get; set; } = "job-runs/";

    [JsonPropertyName("athena_results_prefix")]
    public string AthenaResultsPrefix { get; set; } = "athena-results/";

    /// <summary>Parquet compression of the stage layer: snappy or gzip.</summary>
    [JsonPropertyName("etl_output_compression")]
    public string EtlOutputCompression { get; set; } = "snappy";

    /// <summary>CloudWatch namespace of the pipeline's own metrics (the transformer's status alerts), where alarms look for them.</summary>
    [JsonPropertyName("metrics_namespace")]
    public string MetricsNamespace { get; set; } = "Pipeline";

    public Dictionary<string, EnvironmentSettings> Environments { get; set; } = [];

    /// <summary>The per-dataset resource name convention: <c>&lt;name_prefix&gt;-&lt;dataset&gt;</c>.</summary>
    public static string ResourceName(string namePrefix, string dataset) => $"{namePrefix}-{dataset}";

    /// <summary>A pipeline-wide resource: <c>&lt;name_prefix&gt;-&lt;role&gt;</c>, e.g. a function or the notification topic.</summary>
    public static string SharedResourceName(string namePrefix, string role) => $"{namePrefix}-{role}";

    public static string RawCrawlerName(string namePrefix, string dataset) => $"{ResourceName(namePrefix, dataset)}-raw";

    public static string EtlJobName(string namePrefix, string dataset) => $"{ResourceName(namePrefix, dataset)}-etl";

    public string RawTableFor(string dataset) => RawTablePrefix + dataset;

    public string StageTableFor(string dataset) => StageTable.Replace(DatasetPlaceholder, dataset, StringComparison.Ordinal);

    /// <summary>The constant start of the raw prefix (up to its first expression), e.g. <c>raw/vehicle_telemetry/</c>.</summary>
    public string RawRootFor(string dataset)
    {
        var prefix = RawPrefixFor(dataset);
        var expression = prefix.IndexOf("!{", StringComparison.Ordinal);
        var root = expression < 0 ? prefix : prefix[..expression];
        var slash = root.LastIndexOf('/');
        return slash < 0 ? "" : root[..(slash + 1)];
    }

    public string RawPrefixFor(string dataset) => RawPrefix.Replace(DatasetPlaceholder, dataset, StringComparison.Ordinal);

    public string ErrorPrefixFor(string dataset) => ErrorPrefix.Replace(DatasetPlaceholder, dataset, StringComparison.Ordinal);

    public string StagePrefixFor(string dataset) => StagePrefix.Replace(DatasetPlaceholder, dataset, StringComparison.Ordinal);

    public EnvironmentSettings Environment(string name) =>
        Environments.TryGetValue(name, out var settings)
            ? settings
            : throw new KeyNotFoundException($"datasets.json has no deployment environment '{name}'. Known: {string.Join(", ", Environments.Keys)}.");
}
