using Pipeline.LocalCloud.CloudWatch.Emf;
using Pipeline.LocalCloud.CloudWatch.Metrics;

namespace Pipeline.UnitTests.LocalCloud.CloudWatch;

/// <summary>
/// Embedded metric documents become samples, one per metric and dimension set; plain log lines are left alone, and a
/// document that breaks the specification yields nothing, whatever is wrong with it.
/// </summary>
public sealed class EmbeddedMetricParsingTests
{
    // The transformer's line, as docs/alerting.md shows it.
    private const string TransformerLine =
        """{"_aws":{"Timestamp":1773482430000,"CloudWatchMetrics":[{"Namespace":"Pipeline","Dimensions":[["deployment","dataset","status"],["deployment","dataset","status","vendor"]],"Metrics":[{"Name":"StatusAlerts","Unit":"Count"}]}]},"deployment":"pipeline-dev","dataset":"vehicle_telemetry","status":"fail","vendor":"Volvo","StatusAlerts":2}""";

    [Fact]
    public void The_transformers_line_gives_the_metric_under_both_dimension_sets()
    {
        var result = EmbeddedMetricParser.Parse(TransformerLine);

        Assert.True(result.IsEmbeddedMetric);
        Assert.Null(result.Error);
        Assert.Equal(2, result.Samples.Count);
        Assert.All(result.Samples, s =>
        {
            Assert.Equal("Pipeline", s.Metric.Namespace);
            Assert.Equal("StatusAlerts", s.Metric.MetricName);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1773482430000), s.Timestamp);
            Assert.Equal(StatisticSet.Of(2), s.Values);
            Assert.Equal("Count", s.Unit);
        });
        Assert.Equal(
            new MetricIdentity("Pipeline", "StatusAlerts", [new("status", "fail"), new("dataset", "vehicle_telemetry"), new("deployment", "pipeline-dev")]),
            result.Samples[0].Metric);
        Assert.Equal(
            ["dataset", "deployment", "status", "vendor"],
            result.Samples[1].Metric.Dimensions.Select(d => d.Name));
        Assert.Equal("Volvo", result.Samples[1].Metric.Dimensions[3].Value);
    }

    [Fact]
    public void Several_directives_metrics_and_value_lists_each_give_samples()
    {
        const string line = """
            {"_aws":{"Timestamp":1773482430123,"CloudWatchMetrics":[
              {"Namespace":"Shop","Dimensions":[["Service"],[]],"Metrics":[{"Name":"Latency","Unit":"Milliseconds","StorageResolution":1},{"Name":"Orders"}]},
              {"Namespace":"Shop/Audit","Dimensions":[["Service","Region"]],"Metrics":[{"Name":"Orders","Unit":"Count"}]}]},
             "Service":"cart","Region":"eu","Latency":[10,30,20],"Orders":4,"RequestId":"abc","Nested":{"x":1}}
            """;

        var result = EmbeddedMetricParser.Parse(line.ReplaceLineEndings(""));

        Assert.Null(result.Error);
        Assert.Equal(
            [
                "Shop Latency {Service=cart} 3 60 10 30 Milliseconds",
                "Shop Latency 3 60 10 30 Milliseconds",
                "Shop Orders {Service=cart} 1 4 4 4 None",
                "Shop Orders 1 4 4 4 None",
                "Shop/Audit Orders {Region=eu, Service=cart} 1 4 4 4 Count",
            ],
            result.Samples.Select(s => $"{s.Metric} {s.Values.SampleCount} {s.Values.Sum} {s.Values.Minimum} {s.Values.Maximum} {s.Unit}"));
    }

    [Fact]
    public void No_dimension_set_publishes_the_metric_without_dimensions()
    {
        var result = EmbeddedMetricParser.Parse("""{"_aws":{"Timestamp":0,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M"}]}]},"M":1.5}""");

        var sample = Assert.Single(result.Samples);
        Assert.Empty(sample.Metric.Dimensions);
        Assert.Equal(1.5, sample.Values.Sum);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Volvo: 2 FAIL records")]
    [InlineData("info: Pipeline.FirehoseTransformer[0] Transformed 100 records")]
    [InlineData("""{"level":"info","message":"a JSON log line without _aws"}""")]
    [InlineData("""[{"_aws":{}}]""")]
    [InlineData("""{"message":"mentions \"_aws\" in a string"}""")]
    public void Plain_log_lines_are_not_embedded_metrics(string line)
    {
        var result = EmbeddedMetricParser.Parse(line);

        Assert.False(result.IsEmbeddedMetric);
        Assert.Empty(result.Samples);
    }

    [Theory]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[}""", "not valid JSON")]
    [InlineData("""{"_aws":[],"M":1}""", "_aws is not an object")]
    [InlineData("""{"_aws":{"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M"}]}]},"M":1}""", "Timestamp")]
    [InlineData("""{"_aws":{"Timestamp":"2026-03-14","CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M"}]}]},"M":1}""", "Timestamp")]
    [InlineData("""{"_aws":{"Timestamp":1.5,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M"}]}]},"M":1}""", "Timestamp")]
    [InlineData("""{"_aws":{"Timestamp":1},"M":1}""", "CloudWatchMetrics")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Dimensions":[],"Metrics":[{"Name":"M"}]}]},"M":1}""", "Namespace")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":":bad","Dimensions":[],"Metrics":[{"Name":"M"}]}]},"M":1}""", "Namespace")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Metrics":[{"Name":"M"}]}]},"M":1}""", "Dimensions")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["D"]],"Metrics":[{"Name":"M"}]}]},"M":1}""", "dimension set")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["D"]],"Metrics":[{"Name":"M"}]}]},"D":7,"M":1}""", "dimension set")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["D"]],"Metrics":[{"Name":"M"}]}]},"D":"  ","M":1}""", "dimension set")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["D","D"]],"Metrics":[{"Name":"M"}]}]},"D":"x","M":1}""", "dimension set")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":["D"],"Metrics":[{"Name":"M"}]}]},"D":"x","M":1}""", "dimension set")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[]}]},"M":1}""", "Metrics")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Unit":"Count"}]}]},"M":1}""", "Name")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M","Unit":"Apples"}]}]},"M":1}""", "Unit")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M","StorageResolution":5}]}]},"M":1}""", "StorageResolution")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M"}]}]}}""", "member M")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M"}]}]},"M":"2"}""", "member M")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M"}]}]},"M":[]}""", "member M")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M"}]}]},"M":[1,"x"]}""", "member M")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M"}]}]},"M":1e400}""", "member M")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"M"}]},{"Namespace":"N","Dimensions":[],"Metrics":[{"Name":"Q"}]}]},"M":1}""", "CloudWatchMetrics[1]")]
    public void A_document_that_breaks_a_rule_yields_nothing_and_says_which(string line, string reason)
    {
        var result = EmbeddedMetricParser.Parse(line);

        Assert.True(result.IsEmbeddedMetric);
        Assert.Empty(result.Samples);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_over_256_KB_is_refused_without_parsing()
    {
        var line = "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[]},\"pad\":\"" + new string('x', 256 * 1024) + "\"}";

        var result = EmbeddedMetricParser.Parse(line);

        Assert.True(result.IsEmbeddedMetric);
        Assert.Contains("larger than a log event's", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_or_truncated_documents_do_not_throw()
    {
        var deep = "{\"_aws\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 201);

        Assert.Empty(EmbeddedMetricParser.Parse(deep).Samples);
        for (var cut = 1; cut < TransformerLine.Length - 1; cut += 7)
        {
            Assert.Empty(EmbeddedMetricParser.Parse(TransformerLine[..cut] + "}").Samples);
        }
    }
}
