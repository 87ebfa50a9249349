using Pipeline.AppHost;
using Pipeline.AppHost.Deployment;
using Pipeline.AppHost.Resources;
using Pipeline.Contracts.Datasets;

return await AppHostOptions.Command(RunAsync).Parse(args).InvokeAsync();

static async Task<int> RunAsync(AppHostOptions options, CancellationToken stopping)
{
    var console = Console.Out;
    var catalog = DatasetCatalog.Load();

    // Infrastructure: LocalCloud, and in it the data lake, as Terraform would create them in AWS.
    await using var cloud = await LocalCloudResource.StartAsync(options.Port, options.DataDirectory, stopping);
    var deployment = new LocalDeployment(cloud.Clients(), catalog, cloud.Options.AccountId);
    await deployment.CreateDataLakeAsync(stopping);

    // Functions: each runs as its own process under LocalCloud's Lambda Runtime API.
    var transformer = await deployment.DeployFunctionAsync(
        "firehose-transformer",
        FunctionPackage.ForBuiltAssembly(Executables.PathOf("Pipeline.FirehoseTransformer")),
        Telemetry.ForwardedVariables(),
        stopping);

    // Ingest: one delivery stream per dataset, transformed by the function, landing in the data lake.
    await deployment.CreateDeliveryStreamsAsync(transformer, stopping);

    // Generator: both datasets at a modest rate.
    await using var generators = options.GeneratorRate > 0
        ? Generators.Start(deployment, cloud, options.GeneratorRate, console)
        : Generators.None;

    Summary.Print(console, options, cloud, deployment, transformer);
    await stopping.WhenCancelled();
    console.WriteLine("Stopping: the generators, then LocalCloud and its functions.");
    return 0;
}
