namespace Pipeline.TerraformTests.Support;

/// <summary>The deployed functions (name suffix after the prefix, docs/orchestration.md) and the projects of their code.</summary>
public static class FunctionProjects
{
    public static IReadOnlyDictionary<string, string> ByFunction { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["firehose-transformer"] = "Pipeline.FirehoseTransformer",
        ["crawler-trigger"] = "Pipeline.CrawlerTrigger",
        ["etl-runner"] = "Pipeline.EtlJobRunner",
        ["notifier"] = "Pipeline.Notifier",
    };

    public static string ActionsFile(string project) => RepositoryPaths.Combine("services", project, "aws-actions.json");
}
