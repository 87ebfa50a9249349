using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pipeline.Aws;
using Pipeline.Contracts.Datasets;
using Pipeline.Provisioning;
using Pipeline.ServiceDefaults.Telemetry;

// Creates in LocalCloud what Terraform creates in AWS, through the AWS APIs, then exits: the app host starts the
// generators once this has finished. Safe to run again on the same data directory.
using var telemetry = TelemetryProviders.Start(
    TelemetryOptions.FromEnvironment("provisioning"),
    logging => logging.AddSimpleConsole(o => o.SingleLine = true));
var logger = telemetry.LoggerFactory.CreateLogger("Pipeline.Provisioning");
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};

var settings = ProvisioningSettings.FromEnvironment(Environment.GetEnvironmentVariable);
var aws = AwsClientFactory.FromEnvironment();
using (var activity = ProvisioningTelemetry.Source.StartActivity("provision"))
{
    try
    {
        var pipeline = await DeployedPipeline.DeployAsync(aws, DatasetCatalog.Load(), settings.AccountId, settings.DataDirectory, stopping.Token);
        Summary.Print(Console.Out, aws.Options.Endpoint, settings.DataDirectory, pipeline);
    }
    catch (Exception e) when (e is not OperationCanceledException)
    {
        activity?.SetStatus(ActivityStatusCode.Error, e.Message);
        logger.LogError(e, "Provisioning failed: {Message}", e.Message);
        return 1;
    }
}

return 0;
