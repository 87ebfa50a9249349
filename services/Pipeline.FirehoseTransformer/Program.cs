using Microsoft.Extensions.Logging;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer;
using Pipeline.FirehoseTransformer.Transformation;
using Pipeline.LambdaRuntime;
using Pipeline.ServiceDefaults.Telemetry;

using var telemetry = TelemetryProviders.Start(
    TelemetryOptions.FromEnvironment("firehose-transformer"),
    logging => logging.AddSimpleConsole(o => o.SingleLine = true));

// The bytes handler: the event is read and the response written without a string or object per record.
return await LambdaBootstrap.RunAsync(
    _ =>
    {
        // Loading the catalog is the init phase: a bad datasets file is an init error, not a failure per record.
        var catalog = DatasetCatalog.Load();
        var deployment = Environment.GetEnvironmentVariable("PIPELINE_NAME_PREFIX") is { Length: > 0 } prefix ? prefix : catalog.Deployment.NamePrefixLocal;
        var handler = new TransformationHandler(
            new FirehoseRecordTransformer(catalog),
            telemetry.LoggerFactory.CreateLogger<TransformationHandler>(),
            new StatusAlertMetrics(Console.Out, deployment, catalog.Deployment.MetricsNamespace, TimeProvider.System));
        return Task.FromResult<Func<ReadOnlyMemory<byte>, LambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>>>(handler.HandleUtf8Async);
    },
    new LambdaRuntimeOptions { Trigger = FaasTrigger.PubSub, AfterInvocation = () => telemetry.Flush() });
