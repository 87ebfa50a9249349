using System.Text;
using Pipeline.Contracts.Datasets;

namespace Pipeline.UnitTests.Datasets;

/// <summary>A dataset's status_alerts name string fields and statuses its status field can have, or loading fails.</summary>
public sealed class StatusAlertsAreCheckedAtLoadTests
{
    private static DatasetCatalog Parse(string alerts) => DatasetCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes($$"""
        {"datasets":[{"name":"vehicles","fields":[
          {"name":"event_id","type":"string","required":true},
          {"name":"event_time","type":"timestamp","required":true},
          {"name":"vendor","type":"string","required":true},
          {"name":"speed","type":"double","required":true},
          {"name":"status","type":"struct","required":true,"fields":[{"name":"code","type":"string","required":true,"enum":["OK","WARN","FAIL"]}]}
        ],"status_alerts":{{alerts}}}]}
        """)));

    [Fact]
    public void The_built_in_vehicle_telemetry_alerts_on_fail_and_warn_by_vendor()
    {
        var alerts = DatasetCatalog.BuiltIn().Get("vehicle_telemetry").StatusAlerts;

        Assert.NotNull(alerts);
        Assert.Equal("vehicle_status.status", alerts.Field);
        Assert.Equal(["fail", "warn"], alerts.Values);
        Assert.Equal("vendor", alerts.GroupBy);
        Assert.Equal("Pipeline", DatasetCatalog.BuiltIn().Deployment.MetricsNamespace);
    }

    [Fact]
    public void Lower_case_enum_values_load() =>
        Assert.NotNull(Parse("""{"field":"status.code","values":["fail"],"group_by":"vendor"}""").Get("vehicles").StatusAlerts);

    [Theory]
    [InlineData("""{"field":"status.missing","values":["fail"],"group_by":"vendor"}""", "must name a string field")]
    [InlineData("""{"field":"status.code","values":["fail"],"group_by":"speed"}""", "status_alerts.group_by 'speed' must name a string field")]
    [InlineData("""{"field":"status.code","values":[],"group_by":"vendor"}""", "names no status")]
    [InlineData("""{"field":"status.code","values":["FAIL"],"group_by":"vendor"}""", "not one of status.code's values in lower case")]
    public void A_wrong_definition_fails_the_load(string alerts, string message)
    {
        var error = Assert.Throws<InvalidDatasetException>(() => Parse(alerts));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
