using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer;
using Pipeline.FirehoseTransformer.Transformation;
using Pipeline.LambdaRuntime;

namespace Pipeline.UnitTests.FirehoseTransformer;

/// <summary>
/// Locally the same signal is the OpenTelemetry counter pipeline.transformer.status_alerts on the transformer's Meter,
/// which the dashboard shows; the handler also writes the Embedded Metric Format lines CloudWatch reads on AWS.
/// </summary>
public sealed class StatusAlertsCountOnTheMeterTests
{
    [Fact]
    public async Task The_handler_adds_each_count_with_dataset_status_and_vendor_and_writes_the_metric_lines()
    {
        // A vendor of this test's own: other tests may count on the same (static) counter at the same time.
        var vendor = $"Meter{Guid.NewGuid():N}"[..20];
        var measured = new List<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Pipeline.FirehoseTransformer" && instrument.Name == "pipeline.transformer.status_alerts")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            if (Equals(copy.GetValueOrDefault("vendor"), vendor))
            {
                lock (measured)
                {
                    measured.Add((value, copy));
                }
            }
        });
        listener.Start();
        var output = new StringWriter();
        var handler = new TransformationHandler(
            new FirehoseRecordTransformer(DatasetCatalog.BuiltIn()),
            NullLogger<TransformationHandler>.Instance,
            new StatusAlertMetrics(output, "pipeline-test", "Pipeline", new FakeTimeProvider()));
        var input = FirehoseEvents.For(
            FirehoseEvents.VehicleStream,
            StatusAlertRecords.Vehicle("fail", vendor),
            StatusAlertRecords.Vehicle("fail", vendor),
            StatusAlertRecords.Vehicle("warn", vendor),
            StatusAlertRecords.Vehicle("ok", vendor));

        await handler.HandleAsync(input, new LambdaContext { AwsRequestId = "req-1", Deadline = DateTimeOffset.UtcNow.AddMinutes(1) }, CancellationToken.None);

        Assert.Equal(
            [("fail", 2L), ("warn", 1L)],
            measured.Select(m => ((string)m.Tags["status"]!, m.Value)).Order());
        Assert.All(measured, m => Assert.Equal("vehicle_telemetry", m.Tags["dataset"]));
        Assert.Equal(2, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
