using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.CloudWatch.Metrics;
using Pipeline.LocalCloud.Lambda;

namespace Pipeline.LocalCloud.CloudWatch.Emf;

/// <summary>
/// CloudWatch Logs' embedded metric extraction for LocalCloud's functions: every line a function writes that is an
/// embedded metric document becomes samples in the <see cref="MetricStore"/>; an invalid one is logged and dropped,
/// anything else is left alone (the function output catches what a bug here would throw).
/// </summary>
internal sealed partial class EmbeddedMetricLogSink(MetricStore metrics, ILogger<EmbeddedMetricLogSink> logger) : IFunctionLogSink
{
    public void Write(string functionName, string logStreamName, DateTimeOffset timestamp, string line)
    {
        var result = EmbeddedMetricParser.Parse(line);
        if (!result.IsEmbeddedMetric)
        {
            return;
        }

        if (result.Error is { } error)
        {
            LogInvalid(functionName, error);
            return;
        }

        metrics.Put(result.Samples);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CloudWatch: an embedded metric document of {FunctionName} was not extracted: {Reason}")]
    private partial void LogInvalid(string functionName, string reason);
}
