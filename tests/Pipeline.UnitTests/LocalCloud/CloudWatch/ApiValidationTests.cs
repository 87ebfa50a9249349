using Pipeline.AwsShapes.CloudWatch;
using Pipeline.LocalCloud.Hosting;
using Pipeline.UnitTests.LocalCloud.CloudWatch.Fakes;

namespace Pipeline.UnitTests.LocalCloud.CloudWatch;

/// <summary>What CloudWatch refuses is refused with its codes; paging and filters work as DescribeAlarms and ListMetrics document.</summary>
public sealed class ApiValidationTests : IDisposable
{
    private readonly CloudWatchHarness _cloud = new();

    public void Dispose() => _cloud.Dispose();

    // The request shapes are internal to LocalCloud, so the theory names a case by its index.
    private static readonly (string Code, Func<PutMetricAlarmInput, PutMetricAlarmInput> Change, string Message)[] BadAlarmCases =
    [
        ("ValidationError", a => a with { AlarmName = null }, "Value null at 'alarmName' failed to satisfy constraint: Member must not be null"),
        ("ValidationError", a => a with { AlarmName = new string('a', 256) }, "Member must have length between 1 and 255"),
        ("ValidationError", a => a with { Period = 45 }, "Member must be 10, 20, 30 or a multiple of 60"),
        ("ValidationError", a => a with { Period = 3600, EvaluationPeriods = 25 }, "EvaluationPeriods * Period must be <= 86400"),
        ("ValidationError", a => a with { DatapointsToAlarm = 2 }, "DatapointsToAlarm must be less than or equal to EvaluationPeriods"),
        ("ValidationError", a => a with { TreatMissingData = "sometimes" }, "Option sometimes is not supported. Supported options for parameter TreatMissingData are: missing, ignore, breaching and notBreaching."),
        ("ValidationError", a => a with { ComparisonOperator = "GreaterThanUpperThreshold" }, "Member must satisfy enum value set"),
        ("ValidationError", a => a with { Statistic = "p99" }, "Member must satisfy enum value set"),
        ("ValidationError", a => a with { Threshold = null }, "Threshold must not be null"),
        ("ValidationError", a => a with { Unit = "Apples" }, "at 'unit'"),
        ("ValidationError", a => a with { AlarmActions = ["arn:aws:lambda:us-east-1:000000000000:function:f"] }, "SNS topic actions"),
        ("ValidationError", a => a with { OKActions = [.. Enumerable.Range(0, 6).Select(i => $"arn:aws:sns:us-east-1:000000000000:t{i}")] }, "less than or equal to 5"),
        ("ValidationError", a => a with { Dimensions = [new() { Name = "status", Value = "fail" }, new() { Name = "status", Value = "warn" }] }, "duplicate dimension names"),
        ("InvalidParameterCombination", a => a with { ExtendedStatistic = "p99" }, "Statistic and ExtendedStatistic cannot both be specified."),
    ];

    public static TheoryData<int> BadAlarms => new(Enumerable.Range(0, BadAlarmCases.Length));

    [Theory]
    [MemberData(nameof(BadAlarms))]
    public void PutMetricAlarm_refuses_what_CloudWatch_refuses(int index)
    {
        var (code, change, message) = BadAlarmCases[index];
        var error = Assert.Throws<AwsServiceException>(() => _cloud.Operations.PutMetricAlarm(change(_cloud.StatusAlarm())));

        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(_cloud.Alarms.List());
    }

    [Fact]
    public void PutMetricData_refuses_bad_values_and_keeps_nothing_of_a_refused_request()
    {
        PutMetricDataInput Data(params MetricDatumEntry[] data) => new() { Namespace = "Pipeline", MetricData = [.. data] };
        MetricDatumEntry Datum(double? value = 1, string name = "M") => new() { MetricName = name, Value = value };

        Assert.Equal("MissingParameter", Error(() => _cloud.Operations.PutMetricData(new() { MetricData = [Datum()] })).Code);
        Assert.Equal("InvalidParameterValue", Error(() => _cloud.Operations.PutMetricData(new() { Namespace = "AWS/Lambda", MetricData = [Datum()] })).Code);
        Assert.Equal("The value NaN for parameter MetricData.member.2.Value is invalid.", Error(() => _cloud.Operations.PutMetricData(Data(Datum(), Datum(double.NaN)))).Message);
        Assert.Equal("InvalidParameterCombination", Error(() => _cloud.Operations.PutMetricData(Data(Datum() with { StatisticValues = new() { SampleCount = 1, Sum = 1, Minimum = 1, Maximum = 1 } }))).Code);
        Assert.Equal("InvalidParameterCombination", Error(() => _cloud.Operations.PutMetricData(Data(Datum(null)))).Code);
        Assert.Equal("MissingParameter", Error(() => _cloud.Operations.PutMetricData(Data(Datum(null) with { StatisticValues = new() { SampleCount = 1, Minimum = 1, Maximum = 1 } }))).Code);
        Assert.Equal("InvalidParameterValue", Error(() => _cloud.Operations.PutMetricData(Data(Datum() with { Unit = "Apples" }))).Code);
        Assert.Contains("two hours in the future", Error(() => _cloud.Operations.PutMetricData(Data(Datum() with { Timestamp = _cloud.Time.GetUtcNow().AddHours(3) }))).Message, StringComparison.Ordinal);
        Assert.Contains("past two weeks", Error(() => _cloud.Operations.PutMetricData(Data(Datum() with { Timestamp = _cloud.Time.GetUtcNow().AddDays(-15) }))).Message, StringComparison.Ordinal);
        Assert.Equal("InvalidParameterValue", Error(() => _cloud.Operations.PutMetricData(Data([.. Enumerable.Range(0, 1001).Select(_ => Datum())]))).Code);
        Assert.Equal(0, _cloud.Metrics.Count);

        _cloud.Operations.PutMetricData(Data(
            Datum(),
            Datum(null) with { StatisticValues = new() { SampleCount = 4, Sum = 10, Minimum = 1, Maximum = 4 } },
            Datum(null) with { Values = [1, 5], Counts = [2, 1] }));

        var sum = _cloud.Operations.GetMetricStatistics(new() { Namespace = "Pipeline", MetricName = "M", StartTime = _cloud.Time.GetUtcNow().AddMinutes(-1), EndTime = _cloud.Time.GetUtcNow().AddMinutes(1), Period = 60, Statistics = ["Sum", "SampleCount", "Maximum"] });
        var datapoint = Assert.Single(sum.Datapoints!);
        Assert.Equal((18, 8, 5), (datapoint.Sum, datapoint.SampleCount, datapoint.Maximum));
        Assert.Null(datapoint.Average);
        Assert.Equal("None", datapoint.Unit);
    }

    [Fact]
    public void GetMetricStatistics_refuses_more_than_1440_datapoints_and_bad_periods()
    {
        GetMetricStatisticsInput Query(int period, TimeSpan range, params string[] statistics) =>
            new() { Namespace = "Pipeline", MetricName = "M", StartTime = _cloud.Time.GetUtcNow() - range, EndTime = _cloud.Time.GetUtcNow(), Period = period, Statistics = [.. statistics] };

        var tooMany = Error(() => _cloud.Operations.GetMetricStatistics(Query(60, TimeSpan.FromHours(25), "Sum")));
        Assert.Equal("InvalidParameterCombination", tooMany.Code);
        Assert.StartsWith("You have requested up to 1,501 datapoints, which exceeds the limit of 1,440.", tooMany.Message, StringComparison.Ordinal);
        Assert.Equal("The parameter Period must be a multiple of 60.", Error(() => _cloud.Operations.GetMetricStatistics(Query(90, TimeSpan.FromHours(1), "Sum"))).Message);
        Assert.Equal("InvalidParameterCombination", Error(() => _cloud.Operations.GetMetricStatistics(Query(60, TimeSpan.FromHours(1)))).Code);
        Assert.Equal("The value p99 for parameter Statistics.member.2 is invalid.", Error(() => _cloud.Operations.GetMetricStatistics(Query(60, TimeSpan.FromHours(1), "Sum", "p99"))).Message);
        Assert.Equal("The parameter StartTime must be less than the parameter EndTime.", Error(() => _cloud.Operations.GetMetricStatistics(Query(60, TimeSpan.Zero, "Sum"))).Message);
        Assert.Empty(_cloud.Operations.GetMetricStatistics(Query(10, TimeSpan.FromHours(1), "Sum")).Datapoints!);
    }

    [Fact]
    public void DescribeAlarms_filters_and_pages()
    {
        foreach (var name in new[] { "b-fail", "a-warn", "a-fail" })
        {
            _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm(name));
        }

        _cloud.Operations.PutMetricAlarm(_cloud.StatusAlarm("z-other") with { AlarmActions = [], OKActions = [] });

        var first = _cloud.Operations.DescribeAlarms(new() { MaxRecords = 2 });
        Assert.Equal(["a-fail", "a-warn"], first.MetricAlarms!.Select(a => a.AlarmName));
        var second = _cloud.Operations.DescribeAlarms(new() { MaxRecords = 2, NextToken = first.NextToken });
        Assert.Equal(["b-fail", "z-other"], second.MetricAlarms!.Select(a => a.AlarmName));
        Assert.Null(second.NextToken);

        Assert.Equal(["a-fail", "a-warn"], Names(new() { AlarmNamePrefix = "a-" }));
        Assert.Equal(["a-fail", "b-fail"], Names(new() { AlarmNames = ["a-fail", "b-fail", "nope"] }));
        Assert.Equal(["a-fail", "a-warn", "b-fail"], Names(new() { ActionPrefix = "arn:aws:sns:" }));
        Assert.Equal(["a-fail", "a-warn", "b-fail", "z-other"], Names(new() { StateValue = "INSUFFICIENT_DATA" }));
        Assert.Empty(Names(new() { StateValue = "ALARM" }));
        Assert.Empty(Names(new() { AlarmTypes = ["CompositeAlarm"] }));
        Assert.Equal("InvalidNextToken", Error(() => _cloud.Operations.DescribeAlarms(new() { NextToken = "garbage" })).Code);
        Assert.Equal("ValidationError", Error(() => _cloud.Operations.DescribeAlarms(new() { StateValue = "RED" })).Code);
        Assert.Equal("ValidationError", Error(() => _cloud.Operations.DescribeAlarms(new() { MaxRecords = 101 })).Code);
    }

    [Fact]
    public void ListMetrics_filters_by_namespace_name_and_dimensions()
    {
        _cloud.Record(1, "fail");
        _cloud.Record(1, "warn");
        _cloud.Operations.PutMetricData(new() { Namespace = "Other", MetricData = [new() { MetricName = "M", Value = 1 }] });

        Assert.Equal(3, _cloud.Operations.ListMetrics(new()).Metrics!.Count);
        Assert.Equal(2, _cloud.Operations.ListMetrics(new() { Namespace = "Pipeline", MetricName = "StatusAlerts" }).Metrics!.Count);
        var warn = Assert.Single(_cloud.Operations.ListMetrics(new() { Dimensions = [new() { Name = "status", Value = "warn" }], RecentlyActive = "PT3H" }).Metrics!);
        Assert.Equal("warn", warn.Dimensions!.Single(d => d.Name == "status").Value);
        Assert.Equal(2, _cloud.Operations.ListMetrics(new() { Dimensions = [new() { Name = "status" }] }).Metrics!.Count);
        Assert.Equal("InvalidParameterValue", Error(() => _cloud.Operations.ListMetrics(new() { RecentlyActive = "PT1H" })).Code);
    }

    private List<string> Names(DescribeAlarmsInput input) => [.. _cloud.Operations.DescribeAlarms(input).MetricAlarms!.Select(a => a.AlarmName!)];

    private static AwsServiceException Error(Action action) => Assert.Throws<AwsServiceException>(action);
}
