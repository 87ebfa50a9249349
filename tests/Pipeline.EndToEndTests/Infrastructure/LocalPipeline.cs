using Pipeline.AppHost.Deployment;
using Pipeline.Contracts.Datasets;

namespace Pipeline.EndToEndTests.Infrastructure;

/// <summary>The whole local deployment in a LocalCloud process, provisioned in the same steps as the app host's Program.cs.</summary>
internal sealed record LocalPipeline(LocalDeployment Deployment, OrchestrationDeployment Orchestration, PipelineFunctions Functions, string TopicArn)
{
    public const string AccountId = "000000000000";

    public PipelineNames Names => Deployment.Names;

    public static async Task<LocalPipeline> DeployAsync(LocalCloudProcess cloud, DatasetCatalog catalog, CancellationToken cancellationToken = default)
    {
        var deployment = new LocalDeployment(cloud.Clients(), catalog, AccountId);
        var orchestration = new OrchestrationDeployment(cloud.Clients(), catalog, deployment.Names, AccountId);
        await deployment.CreateDataLakeAsync(cancellationToken);
        var rawObjects = await orchestration.CreateRawObjectsQueueAsync(cancellationToken);
        await orchestration.NotifyQueueOfRawObjectsAsync(rawObjects, cancellationToken);
        await orchestration.CreateCatalogAsync(cancellationToken);
        await orchestration.CreateEtlJobsAsync(cancellationToken);
        var topic = await orchestration.CreateNotificationTopicAsync(cancellationToken);
        await orchestration.CreateWorkGroupAsync(cancellationToken);
        var functions = await deployment.DeployFunctionsAsync(topic, cloud.DataDirectory, cancellationToken);
        await deployment.CreateDeliveryStreamsAsync(functions.Transformer, cancellationToken);
        await orchestration.ConnectQueueToFunctionAsync(rawObjects, functions.CrawlerTrigger, cancellationToken);
        await orchestration.CreateRulesAsync(functions.EtlRunner, functions.Notifier, cancellationToken);
        return new LocalPipeline(deployment, orchestration, functions, topic);
    }
}
