using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
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
internal sealed class CloudWatchEndpoint(CloudWatchOperations operations) : IAwsServiceEndpoint
{
    public const string TargetPrefix = "GraniteServiceVersion20100801";

    public const string QueryVersion = "2010-08-01";

    private const string JsonContentType = "application/x-amz-json-1.0";

    private static CloudWatchApiJsonContext Json => CloudWatchApiJsonContext.Default;

    public string SigningName => "monitoring";

    public AwsProtocol Protocol => AwsProtocol.Query;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var isJson = request.Headers.ContainsKey("X-Amz-Target") || request.Headers.ContainsKey("smithy-protocol");
        try
        {
            var body = await ReadBodyAsync(context).ConfigureAwait(false);
            if (isJson)
            {
                await DispatchJsonAsync(context, body).ConfigureAwait(false);
            }
            else
            {
                await DispatchQueryAsync(context, body).ConfigureAwait(false);
            }
        }
        catch (AwsServiceException e) when (isJson)
        {
            // Query errors are the router's (AwsErrorWriter); JSON ones carry the Query code as well.
            await AwsErrorWriter.WriteQueryCompatibleJsonAsync(
                context, JsonContentType, $"com.amazonaws.cloudwatch#{CloudWatchErrors.ShapeOf(e.Code)}", e.Code, e.Message, e.StatusCode).ConfigureAwait(false);
        }
    }

    private async Task DispatchJsonAsync(HttpContext context, byte[] body)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        if (!HttpMethods.IsPost(context.Request.Method) || dot < 0 || target[..dot] != TargetPrefix)
        {
            throw new AwsServiceException(
                "UnknownOperationException",
                $"LocalCloud's CloudWatch speaks JSON 1.0 (X-Amz-Target: {TargetPrefix}.<Operation>) and Query (Action=<Operation>); got '{(target.Length > 0 ? target : context.Request.Path.ToString())}'.");
        }

        switch (target[(dot + 1)..])
        {
            case "PutMetricAlarm":
                await WriteJsonAsync(context, operations.PutMetricAlarm(Read(body, Json.PutMetricAlarmInput)), Json.EmptyOutput).ConfigureAwait(false);
                break;
            case "DescribeAlarms":
                await WriteJsonAsync(context, operations.DescribeAlarms(Read(body, Json.DescribeAlarmsInput)), Json.DescribeAlarmsOutput).ConfigureAwait(false);
                break;
            case "DeleteAlarms":
                await WriteJsonAsync(context, operations.DeleteAlarms(Read(body, Json.DeleteAlarmsInput)), Json.EmptyOutput).ConfigureAwait(false);
                break;
            case "PutMetricData":
                await WriteJsonAsync(context, operations.PutMetricData(Read(body, Json.PutMetricDataInput)), Json.EmptyOutput).ConfigureAwait(false);
                break;
            case "GetMetricStatistics":
                await WriteJsonAsync(context, operations.GetMetricStatistics(Read(body, Json.GetMetricStatisticsInput)), Json.GetMetricStatisticsOutput).ConfigureAwait(false);
                break;
            case "ListMetrics":
                await WriteJsonAsync(context, operations.ListMetrics(Read(body, Json.ListMetricsInput)), Json.ListMetricsOutput).ConfigureAwait(false);
                break;
            default:
                throw CloudWatchErrors.UnknownOperation(target);
        }
    }

    private async Task DispatchQueryAsync(HttpContext context, byte[] body)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in context.Request.Query)
        {
            values[name] = value.ToString();
        }

        if (HttpMethods.IsPost(context.Request.Method) && body.Length > 0)
        {
            foreach (var (name, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
            {
                values[name] = value.ToString();
            }
        }

        var parameters = new CloudWatchQueryParameters(values);
        var action = parameters.Action ?? throw new AwsServiceException("MissingAction", "The request must contain the parameter Action.");
        object output = action switch
        {
            "PutMetricAlarm" => operations.PutMetricAlarm(parameters.PutMetricAlarm()),
            "DescribeAlarms" => operations.DescribeAlarms(parameters.DescribeAlarms()),
            "DeleteAlarms" => operations.DeleteAlarms(parameters.DeleteAlarms()),
            "PutMetricData" => operations.PutMetricData(parameters.PutMetricData()),
            "GetMetricStatistics" => operations.GetMetricStatistics(parameters.GetMetricStatistics()),
            "ListMetrics" => operations.ListMetrics(parameters.ListMetrics()),
            _ => throw CloudWatchErrors.UnknownOperation(action),
        };
        await WriteXmlAsync(context, CloudWatchQueryXml.Response(action, output, RequestIds.Of(context))).ConfigureAwait(false);
    }

    /// <summary>The whole body, un-gzip'ed, refused past PutMetricData's 1 MB (the largest request CloudWatch takes).</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > CloudWatchLimits.MaxPutMetricDataBytes)
        {
            throw CloudWatchErrors.RequestTooLarge(CloudWatchLimits.MaxPutMetricDataBytes);
        }

        var gzip = request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        await using var decompressed = gzip ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : null;
        var source = decompressed ?? request.Body;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await source.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > CloudWatchLimits.MaxPutMetricDataBytes)
                {
                    throw CloudWatchErrors.RequestTooLarge(CloudWatchLimits.MaxPutMetricDataBytes);
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new AwsServiceException("InvalidParameterValue", "The request body is marked gzip but is not gzip data.");
        }

        return buffer.ToArray();
    }

    private static T Read<T>(byte[] body, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            // An operation without input members may be sent with an empty body.
            return (body.Length == 0 ? JsonSerializer.Deserialize("{}", type) : JsonSerializer.Deserialize(body, type))
                ?? throw new AwsServiceException("SerializationException", "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException("SerializationException", $"The request body is not valid for this operation: {e.Message}");
        }
    }

    private static async Task WriteJsonAsync<T>(HttpContext context, T output, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonContentType;
        context.Response.Headers["x-amzn-RequestId"] = RequestIds.Of(context);
        await JsonSerializer.SerializeAsync(context.Response.Body, output, type, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteXmlAsync(HttpContext context, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/xml";
        response.Headers["x-amzn-RequestId"] = RequestIds.Of(context);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

}
