namespace Pipeline.Contracts.Datasets;

/// <summary>Every name of a deployment, from one prefix, as <c>docs/orchestration.md</c> lists them (Terraform uses the same).</summary>
public sealed record PipelineNames(string Prefix, DeploymentDescription Description)
{
    /// <summary>The Glue job script's file name, as Terraform uploads it.</summary>
    public const string EtlScriptFileName = "pipeline_etl.py";

    /// <summary>The account LocalCloud reports (AWS's documentation account id for local emulators).</summary>
    public const string LocalAccountId = "000000000000";

    public string DataLakeBucket => $"{Prefix}-data-lake";

    public string RawObjectsQueue => DeploymentDescription.SharedResourceName(Prefix, "raw-objects");

    public string RawObjectsDeadLetterQueue => $"{RawObjectsQueue}-dlq";

    public string NotificationTopic => DeploymentDescription.SharedResourceName(Prefix, "job-notifications");

    /// <summary>The queue the app host subscribes to the topic to show each notification in its log.</summary>
    public string ConsoleNotificationsQueue => DeploymentDescription.SharedResourceName(Prefix, "console-notifications");

    /// <summary>The topic every alarm notifies (terraform/modules/observability's <c>&lt;name_prefix&gt;-alarms</c>).</summary>
    public string AlarmTopic => DeploymentDescription.SharedResourceName(Prefix, "alarms");

    /// <summary>The queue the app host subscribes to the alarm topic to show each alarm notification in its log.</summary>
    public string ConsoleAlarmsQueue => DeploymentDescription.SharedResourceName(Prefix, "console-alarms");

    /// <summary>The alarm on a dataset's alerted status (docs/alerting.md), named as Terraform names it.</summary>
    public string StatusAlarm(string dataset, string status) => $"{DeploymentDescription.ResourceName(Prefix, dataset)}-status-{status}";

    public string WorkGroup => Prefix;

    public string Database => Description.CatalogDatabase;

    public string CrawlerStateRule => DeploymentDescription.SharedResourceName(Prefix, "crawler-state");

    public string JobStateRule => DeploymentDescription.SharedResourceName(Prefix, "job-state");

    public string Function(string role) => DeploymentDescription.SharedResourceName(Prefix, role);

    public string RawCrawler(string dataset) => DeploymentDescription.RawCrawlerName(Prefix, dataset);

    public string EtlJob(string dataset) => DeploymentDescription.EtlJobName(Prefix, dataset);

    public string AthenaOutput => $"s3://{DataLakeBucket}/{Description.AthenaResultsPrefix}";

    public string ScriptLocation => $"s3://{DataLakeBucket}/scripts/{EtlScriptFileName}";
}
