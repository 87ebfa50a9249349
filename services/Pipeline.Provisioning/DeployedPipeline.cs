using Pipeline.Aws;
using Pipeline.Contracts.Datasets;

namespace Pipeline.Provisioning;

/// <summary>
/// The whole local deployment, provisioned through the AWS APIs in the order of the diagram: what Terraform creates
/// in AWS, then the functions, then the events between them. The app host and the end-to-end tests deploy with this.
/// </summary>
public sealed record DeployedPipeline(LocalDeployment Deployment, OrchestrationDeployment Orchestration, PipelineFunctions Functions, string TopicArn, string AlarmTopicArn)
{
    public PipelineNames Names => Deployment.Names;

    public static async Task<DeployedPipeline> DeployAsync(AwsClientFactory aws, DatasetCatalog catalog, string accountId, string dataDirectory, CancellationToken cancellationToken)
    {
        // Infrastructure: the data lake, the raw-objects queue fed by the bucket's notifications, the catalog with its
        // crawlers and ETL jobs, the notification topic, the Athena workgroup, the alarm topic and the status alarms.
        var deployment = new LocalDeployment(aws, catalog, accountId);
        var orchestration = new OrchestrationDeployment(aws, catalog, deployment.Names, accountId);
        await deployment.CreateDataLakeAsync(cancellationToken);
        var rawObjects = await orchestration.CreateRawObjectsQueueAsync(cancellationToken);
        await orchestration.NotifyQueueOfRawObjectsAsync(rawObjects, cancellationToken);
        await orchestration.CreateCatalogAsync(cancellationToken);
        await orchestration.CreateEtlJobsAsync(cancellationToken);
        var topic = await orchestration.CreateNotificationTopicAsync(cancellationToken);
        await orchestration.CreateWorkGroupAsync(cancellationToken);

        // Observability: the alarm topic and the status alarms on the transformer's StatusAlerts metric.
        var alarms = new AlarmDeployment(aws, catalog, deployment.Names);
        var alarmTopic = await alarms.CreateAlarmTopicAsync(cancellationToken);
        await alarms.PutStatusAlarmsAsync(alarmTopic, cancellationToken);

        // Functions: each runs as its own process under LocalCloud's Lambda Runtime API.
        var functions = await deployment.DeployFunctionsAsync(topic, dataDirectory, cancellationToken);

        // Events: Firehose into the data lake; raw objects → crawler trigger; crawls → ETL runner; job runs → notifier.
        await deployment.CreateDeliveryStreamsAsync(functions.Transformer, cancellationToken);
        await orchestration.ConnectQueueToFunctionAsync(rawObjects, functions.CrawlerTrigger, cancellationToken);
        await orchestration.CreateRulesAsync(functions.EtlRunner, functions.Notifier, cancellationToken);
        return new DeployedPipeline(deployment, orchestration, functions, topic, alarmTopic);
    }
}
