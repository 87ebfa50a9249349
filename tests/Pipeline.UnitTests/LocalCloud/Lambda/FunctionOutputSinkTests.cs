using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pipeline.LocalCloud.CloudWatch.Emf;
using Pipeline.LocalCloud.CloudWatch.Metrics;
using Pipeline.LocalCloud.Lambda;
using Pipeline.LocalCloud.Lambda.Execution;
using Pipeline.UnitTests.LocalCloud.LambdaService.Fakes;

namespace Pipeline.UnitTests.LocalCloud.LambdaService;

/// <summary>
/// Function output reaches the registered log sinks after it is kept; a sink that throws costs the function nothing;
/// CloudWatch's sink turns embedded metric lines into metrics and leaves every other line alone.
/// </summary>
public sealed class FunctionOutputSinkTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 10, 0, 30, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Now);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Each_line_reaches_every_sink_even_after_one_throws()
    {
        var recording = new RecordingSink();
        using (var output = new FunctionOutput(_directory.Path, NullLogger.Instance, _time, [new ThrowingSink(), recording]))
        {
            output.Write("pipeline-local-firehose-transformer", "2026/03/14/[$LATEST]abc", "first");
            output.Write("pipeline-local-firehose-transformer", "2026/03/14/[$LATEST]abc", "second");
        }

        Assert.Equal([("pipeline-local-firehose-transformer", "2026/03/14/[$LATEST]abc", Now, "first"), ("pipeline-local-firehose-transformer", "2026/03/14/[$LATEST]abc", Now, "second")], recording.Lines);
        var kept = File.ReadAllLines(Path.Combine(FunctionOutput.FolderOf(_directory.Path), "pipeline-local-firehose-transformer.log"));
        Assert.Equal(2, kept.Length);
        Assert.EndsWith("\tfirst", kept[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_metric_sink_extracts_metrics_and_ignores_other_lines()
    {
        var metrics = new MetricStore(_time, NullLogger<MetricStore>.Instance);
        var sink = new EmbeddedMetricLogSink(metrics, NullLogger<EmbeddedMetricLogSink>.Instance);
        using var output = new FunctionOutput(_directory.Path, NullLogger.Instance, _time, [sink]);
        var timestamp = Now.AddSeconds(-2).ToUnixTimeMilliseconds();

        output.Write("transformer", "stream", "info: transformed 3 records");
        output.Write("transformer", "stream", "{\"_aws\":{\"Timestamp\":" + timestamp + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Pipeline\",\"Dimensions\":[[\"status\"]],\"Metrics\":[{\"Name\":\"StatusAlerts\",\"Unit\":\"Count\"}]}]},\"status\":\"fail\",\"StatusAlerts\":2}");
        output.Write("transformer", "stream", "{\"_aws\":{\"Timestamp\":" + timestamp + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Pipeline\",\"Dimensions\":[[\"status\"]],\"Metrics\":[{\"Name\":\"StatusAlerts\"}]}]},\"status\":\"fail\"}");
        output.Write("transformer", "stream", "{\"_aws\":{\"Timestamp\":" + timestamp + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Pipeline\",\"Dimensions\":[[\"status\"]],\"Metrics\":[{\"Name\":\"StatusAlerts\",\"Unit\":\"Count\"}]}]},\"status\":\"fail\",\"StatusAlerts\":3}");

        var metric = new MetricIdentity("Pipeline", "StatusAlerts", [new("status", "fail")]);
        Assert.Equal([metric], metrics.List(null, null, []));
        var period = Assert.Single(metrics.Aggregate(metric, Now.AddSeconds(-30), Now, 60));
        Assert.Equal(new StatisticSet(2, 5, 2, 3), period.Values);
    }

    private sealed class ThrowingSink : IFunctionLogSink
    {
        public void Write(string functionName, string logStreamName, DateTimeOffset timestamp, string line) =>
            throw new InvalidOperationException("a sink's bug");
    }

    private sealed class RecordingSink : IFunctionLogSink
    {
        public List<(string, string, DateTimeOffset, string)> Lines { get; } = [];

        public void Write(string functionName, string logStreamName, DateTimeOffset timestamp, string line) =>
            Lines.Add((functionName, logStreamName, timestamp, line));
    }
}
