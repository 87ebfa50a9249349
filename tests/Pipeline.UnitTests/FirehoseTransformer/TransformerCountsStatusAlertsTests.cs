using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer.Transformation;

namespace Pipeline.UnitTests.FirehoseTransformer;

/// <summary>
/// The transformer counts, per invocation, the valid records whose status their dataset alerts on (datasets.json
/// status_alerts: vehicle_telemetry FAIL and WARN by vendor), and nothing else.
/// </summary>
public sealed class TransformerCountsStatusAlertsTests
{
    private readonly FirehoseRecordTransformer _transformer = new(DatasetCatalog.BuiltIn());

    [Fact]
    public void Fail_and_warn_records_are_counted_per_status_and_vendor()
    {
        var input = FirehoseEvents.For(
            FirehoseEvents.VehicleStream,
            StatusAlertRecords.Vehicle("fail", "Volvo"),
            StatusAlertRecords.Vehicle("FAIL", "Volvo"),
            StatusAlertRecords.Vehicle("warn", "Scania"),
            StatusAlertRecords.Vehicle("ok", "Volvo"),
            StatusAlertRecords.Vehicle("warn", "Volvo"));

        var alerts = _transformer.Transform(input).StatusAlerts;

        Assert.NotNull(alerts);
        Assert.Equal("vehicle_telemetry", alerts.Dataset);
        Assert.Equal("vendor", alerts.Definition.GroupBy);
        Assert.Equal(
            [new StatusAlertCount("fail", "Volvo", 2), new StatusAlertCount("warn", "Scania", 1), new StatusAlertCount("warn", "Volvo", 1)],
            alerts.Counts);
        Assert.Equal(4, alerts.Total);
    }

    [Fact]
    public void A_rejected_record_is_not_counted()
    {
        var input = FirehoseEvents.For(FirehoseEvents.VehicleStream, StatusAlertRecords.InvalidFailing("Volvo"), StatusAlertRecords.Vehicle("ok", "Volvo"));

        var outcome = _transformer.Transform(input);

        Assert.Single(outcome.Failures);
        Assert.NotNull(outcome.StatusAlerts);
        Assert.Empty(outcome.StatusAlerts.Counts);
    }

    [Fact]
    public void A_record_pushed_to_the_error_output_by_the_response_limit_is_not_counted()
    {
        var transformer = new FirehoseRecordTransformer(DatasetCatalog.BuiltIn(), maxResponseBytes: 2000);
        var input = FirehoseEvents.For(FirehoseEvents.VehicleStream, [.. Enumerable.Repeat(StatusAlertRecords.Vehicle("fail", "Volvo"), 5)]);

        var outcome = transformer.Transform(input);

        var ok = outcome.Response.Records.Count(r => r.Result == Pipeline.Contracts.Aws.Firehose.FirehoseRecordResult.Ok);
        Assert.InRange(ok, 1, 4);
        Assert.Equal(ok, outcome.StatusAlerts!.Total);
    }

    [Fact]
    public void A_dataset_without_status_alerts_reports_none() =>
        Assert.Null(_transformer.Transform(FirehoseEvents.For(FirehoseEvents.ClickstreamStream, FirehoseEvents.Fixture("clickstream-valid.json"))).StatusAlerts);
}
