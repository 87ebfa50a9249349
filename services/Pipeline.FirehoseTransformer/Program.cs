using Microsoft.Extensions.Logging;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer;
using Pipeline.FirehoseTransformer.Transformation;
using Pipeline.LambdaRuntime;
using Pipeline.ServiceDefaults.Telemetry;

using var telemetry = TelemetryProviders.Start(
    TelemetryOptions.FromEnvironment("firehose-transformer"),
    logging => logging.AddSimpleConsole(o => o.SingleLine = true));

return await LambdaBootstrap.RunAsync<FirehoseTransformationEvent, FirehoseTransformationResponse>(
    _ =>
    {
        // Loading the catalog is the init phase: a bad datasets file is an init error, not a failure per record.
        var catalog = DatasetCatalog.Load();
        var deployment = Environment.GetEnvironmentVariable("PIPELINE_NAME_PREFIX") is { Length: > 0 } prefix ? prefix : catalog.Deployment.NamePrefixLocal;
        var handler = new TransformationHandler(
            new FirehoseRecordTransformer(catalog),
            telemetry.LoggerFactory.CreateLogger<TransformationHandler>(),
            new StatusAlertMetrics(Console.Out, deployment, catalog.Deployment.MetricsNamespace, TimeProvider.System));
        return Task.FromResult<Func<FirehoseTransformationEvent, LambdaContext, CancellationToken, Task<FirehoseTransformationResponse>>>(handler.HandleAsync);
    },
    AwsEventsJson.Context.FirehoseTransformationEvent,
    AwsEventsJson.Context.FirehoseTransformationResponse,
    new LambdaRuntimeOptions { Trigger = FaasTrigger.PubSub, AfterInvocation = () => telemetry.Flush() });
