using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>
/// CloudWatch (signing name <c>monitoring</c>) over both protocols its model lists that SDKs speak: Query
/// (form-encoded <c>Action=…&amp;Version=2010-08-01</c>, XML answers: older SDKs and this repository's thin client) and
/// JSON 1.0 (<c>X-Amz-Target: GraniteServiceVersion20100801.&lt;Operation&gt;</c>: current botocore, so the AWS CLI).
/// Both read into the same shapes and run <see cref="CloudWatchOperations"/>. The JSON model is awsQueryCompatible, so
/// its errors carry <c>x-amzn-query-error</c>, from which SDKs raise the Query codes. Request bodies may be gzip'ed
/// (PutMetricData's request compression). The RPCv2 CBOR protocol is not served.
/// </summary>
internal sealed class CloudWatchEndpoint : IAwsServiceEndpoint
{
    public const string TargetPrefix = "GraniteServiceVersion20100801";

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

        _query = new QueryProtocol(SigningName, CloudWatchQueryXml.Namespace, CloudWatchQueryXml.Response) { NamespacedErrors = false }
            .Add("PutMetricAlarm", p => operations.PutMetricAlarm(p.PutMetricAlarm()))
            .Add("DescribeAlarms", p => operations.DescribeAlarms(p.DescribeAlarms()))
            .Add("DeleteAlarms", p => operations.DeleteAlarms(p.DeleteAlarms()))
            .Add("PutMetricData", p => operations.PutMetricData(p.PutMetricData()))
            .Add("GetMetricStatistics", p => operations.GetMetricStatistics(p.GetMetricStatistics()))
            .Add("ListMetrics", p => operations.ListMetrics(p.ListMetrics()));
    }

    public string SigningName => "monitoring";

    public AwsProtocol Protocol => AwsProtocol.Query;

    public Task HandleAsync(HttpContext context) =>
        context.Request.Headers.ContainsKey("X-Amz-Target") || context.Request.Headers.ContainsKey("smithy-protocol")
            ? _json.HandleAsync(context)
            : _query.HandleAsync(context);
}
