using Microsoft.Extensions.Logging;
using Pipeline.Aws;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Aws.EventBridge;
using Pipeline.Contracts.Datasets;
using Pipeline.EtlJobRunner;
using Pipeline.EtlJobRunner.Running;
using Pipeline.LambdaRuntime;
using Pipeline.ServiceDefaults.Telemetry;

using var telemetry = TelemetryProviders.Start(
    TelemetryOptions.FromEnvironment("etl-runner"),
    logging => logging.AddSimpleConsole(o => o.SingleLine = true));

return await LambdaBootstrap.RunAsync<EventBridgeEvent<GlueCrawlerStateChange>, RunnerOutcome>(
    _ =>
    {
        var starter = new EtlJobStarter(
            AwsClientFactory.FromEnvironment().CreateGlue(),
            DatasetCatalog.Load(),
            RunnerSettings.FromEnvironment(Environment.GetEnvironmentVariable),
            TimeProvider.System,
            telemetry.LoggerFactory.CreateLogger<EtlJobStarter>());
        var handler = new EtlJobRunnerHandler(starter);
        return Task.FromResult<Func<EventBridgeEvent<GlueCrawlerStateChange>, LambdaContext, CancellationToken, Task<RunnerOutcome>>>(handler.HandleAsync);
    },
    AwsEventsJson.Context.EventBridgeEventGlueCrawlerStateChange,
    RunnerJsonContext.Default.RunnerOutcome,
    new LambdaRuntimeOptions { Trigger = FaasTrigger.PubSub, AfterInvocation = () => telemetry.Flush() });
