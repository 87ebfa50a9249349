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

    public Dictionary<string, EnvironmentSettings> Environments { get; set; } = [];

    /// <summary>The per-dataset resource name convention: <c>&lt;name_prefix&gt;-&lt;dataset&gt;</c>.</summary>
    public static string ResourceName(string namePrefix, string dataset) => $"{namePrefix}-{dataset}";

    public string RawPrefixFor(string dataset) => RawPrefix.Replace(DatasetPlaceholder, dataset, StringComparison.Ordinal);

    public string ErrorPrefixFor(string dataset) => ErrorPrefix.Replace(DatasetPlaceholder, dataset, StringComparison.Ordinal);

    public string StagePrefixFor(string dataset) => StagePrefix.Replace(DatasetPlaceholder, dataset, StringComparison.Ordinal);

    public EnvironmentSettings Environment(string name) =>
        Environments.TryGetValue(name, out var settings)
            ? settings
            : throw new KeyNotFoundException($"datasets.json has no deployment environment '{name}'. Known: {string.Join(", ", Environments.Keys)}.");
}
