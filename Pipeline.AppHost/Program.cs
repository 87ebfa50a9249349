using Pipeline.AppHost;
using Pipeline.AppHost.Deployment;
using Pipeline.AppHost.Resources;
using Pipeline.Contracts.Datasets;

return await AppHostOptions.Command(RunAsync).Parse(args).InvokeAsync();

static async Task<int> RunAsync(AppHostOptions options, CancellationToken stopping)
{
    var console = Console.Out;
    var catalog = DatasetCatalog.Load();

    // Infrastructure: LocalCloud, and in it what Terraform creates in AWS: the data lake, the raw-objects queue,
    // the catalog with its crawlers and ETL jobs, the notification topic and the Athena workgroup.
    await using var cloud = await LocalCloudResource.StartAsync(options.Port, options.DataDirectory, stopping);
    var deployment = new LocalDeployment(cloud.Clients(), catalog, cloud.Options.AccountId);
    var orchestration = new OrchestrationDeployment(cloud.Clients(), catalog, deployment.Names, cloud.Options.AccountId);
    await deployment.CreateDataLakeAsync(stopping);
    var rawObjects = await orchestration.CreateRawObjectsQueueAsync(stopping);
    await orchestration.NotifyQueueOfRawObjectsAsync(rawObjects, stopping);
    await orchestration.CreateCatalogAsync(stopping);
    await orchestration.CreateEtlJobsAsync(stopping);
    var topic = await orchestration.CreateNotificationTopicAsync(stopping);
    await orchestration.CreateWorkGroupAsync(stopping);

    // Functions: each runs as its own process under LocalCloud's Lambda Runtime API.
    var functions = await deployment.DeployFunctionsAsync(topic, cloud.Options.DataDirectory, stopping);

    // Events: Firehose into the data lake; raw objects → crawler trigger; crawls → ETL runner; job runs → notifier.
    await deployment.CreateDeliveryStreamsAsync(functions.Transformer, stopping);
    await orchestration.ConnectQueueToFunctionAsync(rawObjects, functions.CrawlerTrigger, stopping);
    await orchestration.CreateRulesAsync(functions.EtlRunner, functions.Notifier, stopping);
    await using var notifications = await NotificationConsole.StartAsync(cloud.Clients(), topic, deployment.Names.ConsoleNotificationsQueue, console, stopping);

    // Generator: both datasets at a modest rate.
    await using var generators = options.GeneratorRate > 0
        ? Generators.Start(deployment, cloud, options.GeneratorRate, console)
        : Generators.None;

    Summary.Print(console, options, cloud, deployment, functions);
    await stopping.WhenCancelled();
    console.WriteLine("Stopping: the generators, then LocalCloud and its functions.");
    return 0;
}
