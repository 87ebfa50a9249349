using Microsoft.Extensions.Logging;
using Pipeline.Aws;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Aws.Sqs;
using Pipeline.Contracts.Datasets;
using Pipeline.CrawlerTrigger;
using Pipeline.CrawlerTrigger.Triggering;
using Pipeline.LambdaRuntime;
using Pipeline.ServiceDefaults.Telemetry;

using var telemetry = TelemetryProviders.Start(
    TelemetryOptions.FromEnvironment("crawler-trigger"),
    logging => logging.AddSimpleConsole(o => o.SingleLine = true));

return await LambdaBootstrap.RunAsync<SqsEvent, SqsBatchResponse>(
    _ =>
    {
        // Configuration and the catalog are read in the init phase: a bad setting is an init error, seen at once.
        var settings = TriggerSettings.FromEnvironment(Environment.GetEnvironmentVariable);
        var starter = new CrawlerStarter(
            AwsClientFactory.FromEnvironment().CreateGlue(),
            DatasetCatalog.Load(),
            settings,
            TimeProvider.System,
            telemetry.LoggerFactory.CreateLogger<CrawlerStarter>());
        var handler = new CrawlerTriggerHandler(starter, telemetry.LoggerFactory.CreateLogger<CrawlerTriggerHandler>());
        return Task.FromResult<Func<SqsEvent, LambdaContext, CancellationToken, Task<SqsBatchResponse>>>(handler.HandleAsync);
    },
    AwsEventsJson.Context.SqsEvent,
    AwsEventsJson.Context.SqsBatchResponse,
    new LambdaRuntimeOptions { Trigger = FaasTrigger.PubSub, AfterInvocation = () => telemetry.Flush() });
