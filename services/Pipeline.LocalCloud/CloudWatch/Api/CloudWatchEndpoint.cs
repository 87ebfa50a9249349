using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Pipeline.AwsShapes;
using Pipeline.AwsShapes.CloudWatch;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>
/// CloudWatch (signing name <c>monitoring</c>) over both protocols its model lists that SDKs speak: Query
/// (form-encoded <c>Action=…&amp;Version=2010-08-01</c>, XML answers: older SDKs and this repository's thin client) and
/// JSON 1.0 (<c>X-Amz-Target: GraniteServiceVersion20100801.&lt;Operation&gt;</c>: current botocore, so the AWS CLI).
/// Both read into the generated shapes (<see cref="Pipeline.AwsShapes.CloudWatch"/>) and run
/// <see cref="CloudWatchOperations"/>. The JSON model is awsQueryCompatible, so its errors carry
/// <c>x-amzn-query-error</c>, from which SDKs raise the Query codes. Request bodies may be gzip'ed (PutMetricData's
/// request compression). The RPCv2 CBOR protocol is not served.
/// </summary>
internal sealed class CloudWatchEndpoint : IAwsServiceEndpoint
{
    public const string TargetPrefix = "GraniteServiceVersion20100801";

    public const string Namespace = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    private readonly JsonProtocol _json;

    private readonly QueryProtocol _query;

    public CloudWatchEndpoint(CloudWatchOperations operations)
    {
        var json = CloudWatchApiJsonContext.Default;
        var table = new JsonOperations()
            .Add("PutMetricAlarm", json.PutMetricAlarmInput, json.EmptyOutput, operations.PutMetricAlarm)
            .Add("DescribeAlarms", json.DescribeAlarmsInput, json.DescribeAlarmsOutput, operations.DescribeAlarms)
            .Add("DeleteAlarms", json.DeleteAlarmsInput, json.EmptyOutput, operations.DeleteAlarms)
            .Add("PutMetricData", json.PutMetricDataInput, json.EmptyOutput, operations.PutMetricData)
            .Add("GetMetricStatistics", json.GetMetricStatisticsInput, json.GetMetricStatisticsOutput, operations.GetMetricStatistics)
            .Add("ListMetrics", json.ListMetricsInput, json.ListMetricsOutput, operations.ListMetrics);
        _json = new JsonProtocol(SigningName, "CloudWatch", TargetPrefix, "1.0", table)
        {
            QueryCompatible = (code => $"com.amazonaws.cloudwatch#{CloudWatchErrors.ShapeOf(code)}", code => code),
        };

        var xml = CloudWatchQueryJsonContext.Default;
        _query = new QueryProtocol(SigningName, Namespace, (action, output, requestId) => QueryXml.Response(Namespace, action, output as JsonElement?, requestId))
            {
                NamespacedErrors = false,
            }
            .Add("PutMetricAlarm", p => operations.PutMetricAlarm(p.PutMetricAlarm()))
            .Add("DescribeAlarms", p => QueryXml.Result(operations.DescribeAlarms(p.DescribeAlarms()), xml.DescribeAlarmsOutput))
            .Add("DeleteAlarms", p => operations.DeleteAlarms(p.DeleteAlarms()))
            .Add("PutMetricData", p => operations.PutMetricData(p.PutMetricData()))
            .Add("GetMetricStatistics", p => QueryXml.Result(operations.GetMetricStatistics(p.GetMetricStatistics()), xml.GetMetricStatisticsOutput))
            .Add("ListMetrics", p => QueryXml.Result(operations.ListMetrics(p.ListMetrics()), xml.ListMetricsOutput));
    }

    public string SigningName => "monitoring";

    public AwsProtocol Protocol => AwsProtocol.Query;

    public Task HandleAsync(HttpContext context) =>
        context.Request.Headers.ContainsKey("X-Amz-Target") || context.Request.Headers.ContainsKey("smithy-protocol")
            ? _json.HandleAsync(context)
            : _query.HandleAsync(context);
}

/// <summary>
/// The JSON 1.0 protocol's shapes: absent members omitted, timestamps as epoch seconds, and "NaN"/"Infinity" read as
/// numbers so they are refused with CloudWatch's error rather than a parse error.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = [typeof(AwsEpochSecondsTimestampConverter)])]
[JsonSerializable(typeof(PutMetricAlarmInput))]
[JsonSerializable(typeof(DescribeAlarmsInput))]
[JsonSerializable(typeof(DescribeAlarmsOutput))]
[JsonSerializable(typeof(DeleteAlarmsInput))]
[JsonSerializable(typeof(PutMetricDataInput))]
[JsonSerializable(typeof(GetMetricStatisticsInput))]
[JsonSerializable(typeof(GetMetricStatisticsOutput))]
[JsonSerializable(typeof(ListMetricsInput))]
[JsonSerializable(typeof(ListMetricsOutput))]
[JsonSerializable(typeof(EmptyOutput))]
internal sealed partial class CloudWatchApiJsonContext : JsonSerializerContext;

/// <summary>The outputs as <see cref="QueryXml"/> walks them: timestamps in ISO 8601, numbers as in JSON.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = [typeof(QueryXml.TimestampConverter)])]
[JsonSerializable(typeof(DescribeAlarmsOutput))]
[JsonSerializable(typeof(GetMetricStatisticsOutput))]
[JsonSerializable(typeof(ListMetricsOutput))]
internal sealed partial class CloudWatchQueryJsonContext : JsonSerializerContext;
