using Pipeline.AppHost;
using Pipeline.AppHost.Deployment;
using Pipeline.AppHost.Resources;
using Pipeline.Contracts.Datasets;

return await AppHostOptions.Command(RunAsync).Parse(args).InvokeAsync();

static async Task<int> RunAsync(AppHostOptions options, CancellationToken stopping)
{
    var console = Console.Out;
    var catalog = DatasetCatalog.Load();

    // Infrastructure: LocalCloud, and in it what Terraform creates in AWS; then the functions and the events
    // between them (DeployedPipeline walks the diagram step by step).
    await using var cloud = await LocalCloudResource.StartAsync(options.Port, options.DataDirectory, stopping);
    var pipeline = await DeployedPipeline.DeployAsync(cloud.Clients(), catalog, cloud.Options.AccountId, cloud.Options.DataDirectory, stopping);
    await using var notifications = await NotificationConsole.StartAsync(cloud.Clients(), pipeline.TopicArn, pipeline.Names.ConsoleNotificationsQueue, console, stopping);

    // Generator: both datasets at a modest rate.
    await using var generators = options.GeneratorRate > 0
        ? Generators.Start(pipeline.Deployment, cloud, options.GeneratorRate, console)
        : Generators.None;

    Summary.Print(console, options, cloud, pipeline.Deployment, pipeline.Functions);
    await stopping.WhenCancelled();
    console.WriteLine("Stopping: the generators, then LocalCloud and its functions.");
    return 0;
}
