using System.Text.Json;
using Pipeline.AwsShapes.Firehose;
using Pipeline.Provisioning;
using Pipeline.Aws.Firehose;
using Pipeline.Contracts.Datasets;
using Pipeline.EndToEndTests.Infrastructure;

namespace Pipeline.EndToEndTests.IngestPath;

/// <summary>
/// LocalCloud killed with SIGKILL while it holds acknowledged records it has not delivered; started again over the
/// same data directory, it delivers every one of them, none twice.
/// </summary>
public sealed class CrashSafetyTests
{
    private const int Records = 3000;

    [Fact]
    public async Task Acknowledged_records_buffered_at_a_SIGKILL_are_delivered_once_after_restart()
    {
        using var directory = new TestDirectory();
        var data = directory.Sub("data");
        var cloud = await LocalCloudProcess.StartAsync(data);
        var port = cloud.Port;
        var deployment = new LocalDeployment(cloud.Clients(), DatasetCatalog.BuiltIn(), "000000000000");
        await deployment.CreateDataLakeAsync(CancellationToken.None);
        var transformer = await deployment.DeployFunctionAsync(
            "firehose-transformer", FunctionPackage.ForBuiltAssembly(Executables.PathOf("Pipeline.FirehoseTransformer")), null, CancellationToken.None);
        const string stream = "pipeline-crash-vehicle_telemetry";

        // Buffers far larger than what is sent, and an interval the test outlives only after the restart.
        await cloud.Clients().CreateFirehose().CreateDeliveryStreamAsync(new CreateDeliveryStreamInput
        {
            DeliveryStreamName = stream,
            ExtendedS3DestinationConfiguration = new ExtendedS3DestinationConfiguration
            {
                BucketARN = $"arn:aws:s3:::{deployment.DataLakeBucket}",
                RoleARN = "arn:aws:iam::000000000000:role/firehose",
                Prefix = "raw/vehicle_telemetry/",
                ErrorOutputPrefix = "errors/vehicle_telemetry/!{firehose:error-output-type}/",
                CompressionFormat = "GZIP",
                BufferingHints = new BufferingHints { SizeInMBs = 128, IntervalInSeconds = 30 },
                ProcessingConfiguration = new ProcessingConfiguration
                {
                    Enabled = true,
                    Processors = [new Processor { Type = "Lambda", Parameters = [new ProcessorParameter { ParameterName = "LambdaArn", ParameterValue = transformer.FunctionArn }] }],
                },
            },
        });

        var result = await GeneratorRun.RunAsync(
            ["--dataset", "vehicle_telemetry", "--stream", stream, "--count", "3000", "--rate", "3000", "--seed", "5", "--invalid-ratio", "0.02", "--endpoint-url", cloud.Endpoint.ToString()],
            cloud.ClientEnvironment(),
            Path.Combine(directory.Path, "report.json"));
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(Records, result.Report.GetProperty("records_sent").GetInt64());

        using (var s3 = cloud.Clients().CreateS3())
        {
            var before = await new DataLake(s3, deployment.DataLakeBucket, directory.Sub("before")).DownloadAsync("");
            Assert.Empty(before);
        }

        await cloud.KillAsync();
        await using var restarted = await LocalCloudProcess.StartAsync(data, port);

        using var client = restarted.Clients().CreateS3();
        var lake = new DataLake(client, deployment.DataLakeBucket, directory.Sub("lake"));
        var delivered = await lake.WaitForLinesAsync(Records, TimeSpan.FromSeconds(120), "raw/", "errors/");

        Assert.Equal(Records, delivered);
        var rawIds = lake.Lines("raw/").Select(l => JsonDocument.Parse(l).RootElement.GetProperty("event_id").GetString()).ToArray();
        Assert.Equal(rawIds.Length, rawIds.Distinct(StringComparer.Ordinal).Count());
        Assert.InRange(rawIds.Length, Records * 90 / 100, Records);
        await cloud.DisposeAsync();
    }
}
