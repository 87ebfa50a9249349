using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Aws;
using Pipeline.Aws.Core;
using Pipeline.Contracts.Datasets;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;
using Pipeline.LocalCloud.Firehose;
using Pipeline.Provisioning;

namespace Pipeline.IntegrationTests.LocalCloud.CloudWatch;

/// <summary>
/// The vehicle status alert end to end with real processes: FAIL records put to Firehose go through the built
/// transformer, whose Embedded Metric Format lines become the StatusAlerts metric; the status alarm provisioning
/// created goes to ALARM when the minute closes and publishes CloudWatch's message to the alarm topic, which an SQS
/// queue subscribed to the topic receives.
/// </summary>
public sealed class StatusAlarmNotificationTests : IAsyncLifetime
{
    private const string Dataset = "vehicle_telemetry";

    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() =>
        _cloud = await LocalCloudInstance.StartAsync(settings: "LocalCloud:CloudWatch:EvaluationInterval=00:00:01");

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [Fact]
    public async Task Fail_records_raise_the_status_alarm_and_notify_the_alarm_topic()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = timeout.Token;
        var aws = new AwsClientFactory(new AwsClientOptions
        {
            Endpoint = _cloud.Endpoint,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("test", "test"),
            GetEnvironmentVariable = _ => null,
        });
        var catalog = DatasetCatalog.BuiltIn();
        var deployment = new LocalDeployment(aws, catalog, PipelineNames.LocalAccountId);
        var names = deployment.Names;
        var alarms = new AlarmDeployment(aws, catalog, names);

        // What provisioning creates for this path: the data lake, the transformer, the streams, the alarm topic and alarms.
        await deployment.CreateDataLakeAsync(ct);
        var transformer = await deployment.DeployFunctionAsync(
            "firehose-transformer",
            FunctionPackage.ForBuiltAssembly(Executables.PathOf("Pipeline.FirehoseTransformer")),
            new Dictionary<string, string> { ["PIPELINE_NAME_PREFIX"] = names.Prefix },
            ct);
        await deployment.CreateDeliveryStreamsAsync(transformer, ct);
        var topic = await alarms.CreateAlarmTopicAsync(ct);
        await alarms.PutStatusAlarmsAsync(topic, ct);
        await alarms.PutStatusAlarmsAsync(topic, ct);

        using var sqs = aws.CreateSqs();
        var queueUrl = (await sqs.CreateQueueAsync("alarm-messages", ct)).QueueUrl;
        var queueArn = (await sqs.GetQueueAttributesAsync(queueUrl, [QueueAttributeName.QueueArn], ct)).QueueARN;
        await aws.CreateSns().SubscribeAsync(topic, "sqs", queueArn, cancellationToken: ct);

        var stream = deployment.Streams.Single(s => s.Dataset == Dataset).StreamName;
        var put = await aws.CreateFirehose().PutRecordBatchAsync(stream, [Record("FAIL", "Volvo"), Record("FAIL", "Scania"), Record("OK", "Volvo")], ct);
        Assert.Equal(0, put.FailedPutCount);
        await _cloud.App.Services.GetRequiredService<IFirehoseDeliveryControl>().FlushAsync(stream, ct);

        var failAlarm = names.StatusAlarm(Dataset, "fail");
        using var message = await ReceiveAsync(sqs, queueUrl, m => m.RootElement.GetProperty("AlarmName").GetString() == failAlarm
            && m.RootElement.GetProperty("NewStateValue").GetString() == "ALARM", ct);
        var root = message.RootElement;
        Assert.Contains(root.GetProperty("OldStateValue").GetString(), new[] { "OK", "INSUFFICIENT_DATA" });
        Assert.StartsWith("Threshold Crossed: 1 out of the last 1 datapoints [2.0 (", root.GetProperty("NewStateReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("US East (N. Virginia)", root.GetProperty("Region").GetString());
        var trigger = root.GetProperty("Trigger");
        Assert.Equal(StatusAlertDefinition.MetricName, trigger.GetProperty("MetricName").GetString());
        Assert.Equal(catalog.Deployment.MetricsNamespace, trigger.GetProperty("Namespace").GetString());
        Assert.Equal(60, trigger.GetProperty("Period").GetInt32());
        Assert.Equal("GreaterThanThreshold", trigger.GetProperty("ComparisonOperator").GetString());
        Assert.Equal("notBreaching", trigger.GetProperty("TreatMissingData").GetString());
        Assert.Equal(
            [("dataset", Dataset), ("deployment", names.Prefix), ("status", "fail")],
            trigger.GetProperty("Dimensions").EnumerateArray().Select(d => (d.GetProperty("name").GetString(), d.GetProperty("value").GetString())).Order());

        var described = await aws.CreateQueryClient(AwsServices.CloudWatch).SendAsync(
            "DescribeAlarms",
            [new("AlarmNamePrefix", $"{names.Prefix}-{Dataset}-status-")],
            ct);
        var states = described.Descendants().Where(e => e.Name.LocalName == "member" && e.Parent?.Name.LocalName == "MetricAlarms")
            .ToDictionary(m => Child(m, "AlarmName"), m => Child(m, "StateValue"));
        Assert.Equal("ALARM", states[failAlarm]);
        Assert.NotEqual("ALARM", states[names.StatusAlarm(Dataset, "warn")]);
    }

    private static ReadOnlyMemory<byte> Record(string status, string vendor) => Encoding.UTF8.GetBytes(
        $$$"""{"event_id":"{{{Guid.NewGuid()}}}","event_time":"{{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}}}","vehicle_id":"1M8GDM9AXKP042788","vendor":"{{{vendor}}}","model":"FH16","vehicle_status":{"speed_kmh":82.5,"engine_temp_c":91.2,"fuel_level_pct":64,"battery_voltage":27.6,"odometer_km":412345.7,"status":"{{{status}}}","error_codes":[]},"gps_info":{"latitude":57.7,"longitude":11.97,"heading_deg":271.5,"altitude_m":12,"accuracy_m":3.5}}""" + "\n");

    /// <summary>The first alarm message (inside SNS's envelope) that <paramref name="wanted"/> accepts; others are skipped.</summary>
    private static async Task<JsonDocument> ReceiveAsync(IAmazonSQS sqs, string queueUrl, Func<JsonDocument, bool> wanted, CancellationToken ct)
    {
        while (true)
        {
            var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 5 }, ct);
            foreach (var message in received.Messages ?? [])
            {
                using var envelope = JsonDocument.Parse(message.Body);
                var alarm = JsonDocument.Parse(envelope.RootElement.GetProperty("Message").GetString()!);
                if (wanted(alarm))
                {
                    return alarm;
                }

                alarm.Dispose();
            }
        }
    }

    private static string Child(System.Xml.Linq.XElement element, string name) =>
        element.Elements().Single(e => e.Name.LocalName == name).Value;
}
