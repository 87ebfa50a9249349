using Microsoft.Extensions.Logging;
using Pipeline.Aws;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Aws.EventBridge;
using Pipeline.Contracts.Datasets;
using Pipeline.LambdaRuntime;
using Pipeline.Notifier;
using Pipeline.Notifier.Notifying;
using Pipeline.ServiceDefaults.Telemetry;

using var telemetry = TelemetryProviders.Start(
    TelemetryOptions.FromEnvironment("notifier"),
    logging => logging.AddSimpleConsole(o => o.SingleLine = true));

return await LambdaBootstrap.RunAsync<EventBridgeEvent<GlueJobStateChange>, NotifierOutcome>(
    _ =>
    {
        var aws = AwsClientFactory.FromEnvironment();

        // One S3 client for the process's life, as Lambda reuses the execution environment.
        var s3 = aws.CreateS3();
        var notifier = new JobNotifier(
            aws.CreateGlue(),
            new S3ObjectReader(s3),
            aws.CreateSns(),
            DatasetCatalog.Load(),
            NotifierSettings.FromEnvironment(Environment.GetEnvironmentVariable),
            telemetry.LoggerFactory.CreateLogger<JobNotifier>());
        var handler = new NotifierHandler(notifier);
        return Task.FromResult<Func<EventBridgeEvent<GlueJobStateChange>, LambdaContext, CancellationToken, Task<NotifierOutcome>>>(handler.HandleAsync);
    },
    AwsEventsJson.Context.EventBridgeEventGlueJobStateChange,
    NotifierJsonContext.Default.NotifierOutcome,
    new LambdaRuntimeOptions { Trigger = FaasTrigger.PubSub, AfterInvocation = () => telemetry.Flush() });
