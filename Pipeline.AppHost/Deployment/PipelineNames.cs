using Pipeline.Contracts.Datasets;

namespace Pipeline.AppHost.Deployment;

/// <summary>Every name of the local deployment, from one prefix, as <c>docs/orchestration.md</c> lists them (Terraform uses the same).</summary>
public sealed record PipelineNames(string Prefix, DeploymentDescription Description)
{
    public string DataLakeBucket => $"{Prefix}-data-lake";

    public string RawObjectsQueue => DeploymentDescription.SharedResourceName(Prefix, "raw-objects");

    public string RawObjectsDeadLetterQueue => $"{RawObjectsQueue}-dlq";

    public string NotificationTopic => DeploymentDescription.SharedResourceName(Prefix, "job-notifications");

    /// <summary>The queue the app host subscribes to the topic to print each notification.</summary>
    public string ConsoleNotificationsQueue => DeploymentDescription.SharedResourceName(Prefix, "console-notifications");

    public string WorkGroup => Prefix;

    public string Database => Description.CatalogDatabase;

    public string CrawlerStateRule => DeploymentDescription.SharedResourceName(Prefix, "crawler-state");

    public string JobStateRule => DeploymentDescription.SharedResourceName(Prefix, "job-state");

    public string Function(string role) => DeploymentDescription.SharedResourceName(Prefix, role);

    public string RawCrawler(string dataset) => DeploymentDescription.RawCrawlerName(Prefix, dataset);

    public string EtlJob(string dataset) => DeploymentDescription.EtlJobName(Prefix, dataset);

    public string AthenaOutput => $"s3://{DataLakeBucket}/{Description.AthenaResultsPrefix}";

    public string ScriptLocation => $"s3://{DataLakeBucket}/scripts/{EtlScript.FileName}";
}
