using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>
/// SQS over both its protocols: JSON 1.0 (<c>POST /</c> with <c>X-Amz-Target: AmazonSQS.&lt;Operation&gt;</c>, what
/// current SDKs speak) and Query (form-encoded <c>Action=…&amp;Version=2012-11-05</c>, XML answers, what older SDKs
/// and hand-written clients speak). Both read the request into the same shapes and run <see cref="SqsOperations"/>.
/// The JSON model is awsQueryCompatible, so its errors carry the <c>x-amzn-query-error</c> header from which SDKs
/// raise the query-era codes (AWS.SimpleQueueService.NonExistentQueue, …); Query errors carry those codes directly.
/// </summary>
internal sealed class SqsEndpoint(SqsOperations operations) : IAwsServiceEndpoint
{
    public const string TargetPrefix = "AmazonSQS";

    public const string QueryVersion = "2012-11-05";

    private const string ContentType = "application/x-amz-json-1.0";

    private static SqsApiJsonContext Json => SqsApiJsonContext.Default;

    public string SigningName => "sqs";

    public AwsProtocol Protocol => AwsProtocol.Json;

    /// <summary>Batch rules checked before any entry is processed, as AWS does.</summary>
    internal static void CheckBatch(IReadOnlyList<string?> ids) => SqsOperations.CheckBatch(ids);

    /// <summary>Whether the request speaks the Query protocol rather than JSON.</summary>
    internal static bool IsQuery(HttpRequest request) =>
        !request.Headers.ContainsKey("X-Amz-Target")
        && ((HttpMethods.IsPost(request.Method) && request.HasFormContentType) || request.Query.ContainsKey("Action"));

    public async Task HandleAsync(HttpContext context)
    {
        if (IsQuery(context.Request))
        {
            await HandleQueryAsync(context).ConfigureAwait(false);
            return;
        }

        try
        {
            await DispatchJsonAsync(context).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            await WriteJsonErrorAsync(context, e).ConfigureAwait(false);
        }
    }

    private async Task DispatchJsonAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        if (!HttpMethods.IsPost(context.Request.Method) || dot < 0 || target[..dot] != TargetPrefix)
        {
            throw new AwsServiceException("UnknownOperationException", $"LocalCloud's SQS speaks JSON (X-Amz-Target: AmazonSQS.<Operation>) and Query (Action=<Operation>); got '{target}'.");
        }

        var ct = context.RequestAborted;
        var baseUrl = BaseUrl(context);
        switch (target[(dot + 1)..])
        {
            case "CreateQueue":
                await WriteAsync(context, operations.CreateQueue(await ReadAsync(context, Json.CreateQueueInput), baseUrl), Json.QueueUrlOutput).ConfigureAwait(false);
                break;
            case "GetQueueUrl":
                await WriteAsync(context, operations.GetQueueUrl(await ReadAsync(context, Json.GetQueueUrlInput), baseUrl), Json.QueueUrlOutput).ConfigureAwait(false);
                break;
            case "ListQueues":
                await WriteAsync(context, operations.ListQueues(await ReadAsync(context, Json.ListQueuesInput), baseUrl), Json.ListQueuesOutput).ConfigureAwait(false);
                break;
            case "DeleteQueue":
                await WriteAsync(context, operations.DeleteQueue(await ReadAsync(context, Json.QueueUrlInput)), Json.EmptyOutput).ConfigureAwait(false);
                break;
            case "PurgeQueue":
                await WriteAsync(context, operations.PurgeQueue(await ReadAsync(context, Json.QueueUrlInput)), Json.EmptyOutput).ConfigureAwait(false);
                break;
            case "GetQueueAttributes":
                await WriteAsync(context, operations.GetQueueAttributes(await ReadAsync(context, Json.GetQueueAttributesInput)), Json.GetQueueAttributesOutput).ConfigureAwait(false);
                break;
            case "SetQueueAttributes":
                await WriteAsync(context, operations.SetQueueAttributes(await ReadAsync(context, Json.SetQueueAttributesInput)), Json.EmptyOutput).ConfigureAwait(false);
                break;
            case "SendMessage":
                await WriteAsync(context, await operations.SendMessageAsync(await ReadAsync(context, Json.SendMessageInput), ct), Json.SendMessageOutput).ConfigureAwait(false);
                break;
            case "SendMessageBatch":
                await WriteAsync(context, await operations.SendMessageBatchAsync(await ReadAsync(context, Json.SendMessageBatchInput), ct), Json.SendMessageBatchOutput).ConfigureAwait(false);
                break;
            case "ReceiveMessage":
                await WriteAsync(context, await operations.ReceiveMessageAsync(await ReadAsync(context, Json.ReceiveMessageInput), ct), Json.ReceiveMessageOutput).ConfigureAwait(false);
                break;
            case "DeleteMessage":
                await WriteAsync(context, await operations.DeleteMessageAsync(await ReadAsync(context, Json.DeleteMessageInput), ct), Json.EmptyOutput).ConfigureAwait(false);
                break;
            case "DeleteMessageBatch":
                await WriteAsync(context, await operations.DeleteMessageBatchAsync(await ReadAsync(context, Json.DeleteMessageBatchInput), ct), Json.DeleteMessageBatchOutput).ConfigureAwait(false);
                break;
            case "ChangeMessageVisibility":
                await WriteAsync(context, operations.ChangeMessageVisibility(await ReadAsync(context, Json.ChangeMessageVisibilityInput)), Json.EmptyOutput).ConfigureAwait(false);
                break;
            case "ChangeMessageVisibilityBatch":
                await WriteAsync(context, operations.ChangeMessageVisibilityBatch(await ReadAsync(context, Json.ChangeMessageVisibilityBatchInput)), Json.ChangeMessageVisibilityBatchOutput).ConfigureAwait(false);
                break;
            default:
                throw new AwsServiceException("UnknownOperationException", $"LocalCloud's SQS does not implement {target}.");
        }
    }

    private async Task HandleQueryAsync(HttpContext context)
    {
        var requestId = RequestIds.Of(context);
        try
        {
            var parameters = await ReadQueryAsync(context).ConfigureAwait(false);
            var action = parameters.Action ?? throw new AwsServiceException("MissingAction", "The request must contain the parameter Action.");
            var output = await RunQueryAsync(action, parameters, BaseUrl(context), context.RequestAborted).ConfigureAwait(false);
            await WriteXmlAsync(context, StatusCodes.Status200OK, SqsQueryXml.Response(action, output, requestId)).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }

            context.Response.Clear();
            await WriteXmlAsync(context, e.StatusCode, SqsQueryXml.Error(e.Code, e.Message, e.StatusCode < 500, requestId)).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a Query action; the same operations, and so the same rules and errors, as JSON.</summary>
    internal async Task<object> RunQueryAsync(string action, SqsQueryParameters p, string baseUrl, CancellationToken ct) => action switch
    {
        "CreateQueue" => operations.CreateQueue(p.CreateQueue(), baseUrl),
        "GetQueueUrl" => operations.GetQueueUrl(p.GetQueueUrl(), baseUrl),
        "ListQueues" => operations.ListQueues(p.ListQueues(), baseUrl),
        "DeleteQueue" => operations.DeleteQueue(p.QueueUrl()),
        "PurgeQueue" => operations.PurgeQueue(p.QueueUrl()),
        "GetQueueAttributes" => operations.GetQueueAttributes(p.GetQueueAttributes()),
        "SetQueueAttributes" => operations.SetQueueAttributes(p.SetQueueAttributes()),
        "SendMessage" => await operations.SendMessageAsync(p.SendMessage(), ct).ConfigureAwait(false),
        "SendMessageBatch" => await operations.SendMessageBatchAsync(p.SendMessageBatch(), ct).ConfigureAwait(false),
        "ReceiveMessage" => await operations.ReceiveMessageAsync(p.ReceiveMessage(), ct).ConfigureAwait(false),
        "DeleteMessage" => await operations.DeleteMessageAsync(p.DeleteMessage(), ct).ConfigureAwait(false),
        "DeleteMessageBatch" => await operations.DeleteMessageBatchAsync(p.DeleteMessageBatch(), ct).ConfigureAwait(false),
        "ChangeMessageVisibility" => operations.ChangeMessageVisibility(p.ChangeMessageVisibility()),
        "ChangeMessageVisibilityBatch" => operations.ChangeMessageVisibilityBatch(p.ChangeMessageVisibilityBatch()),
        _ => throw new AwsServiceException("InvalidAction", $"The action {action} is not valid for this endpoint."),
    };

    /// <summary>Query parameters from the URL and, for a form POST, the body; a POST to a queue's URL names that queue.</summary>
    private static async Task<SqsQueryParameters> ReadQueryAsync(HttpContext context)
    {
        var request = context.Request;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
        {
            values[name] = value.ToString();
        }

        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            foreach (var (name, value) in form)
            {
                values[name] = value.ToString();
            }
        }

        var path = request.Path.Value ?? "/";
        var pathQueue = path.Trim('/').Split('/') is [var account, var queueName] && account.Length > 0 && queueName.Length > 0
            ? $"{BaseUrl(context)}/{account}/{queueName}"
            : null;
        return new SqsQueryParameters(values, pathQueue);
    }

    private static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            var input = await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted).ConfigureAwait(false);
            return input ?? throw new AwsServiceException("SerializationException", "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException("SerializationException", $"The request body is not valid for this operation: {e.Message}");
        }
    }

    private static async Task WriteAsync<T>(HttpContext context, T output, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-RequestId"] = RequestIds.Of(context);
        await JsonSerializer.SerializeAsync(context.Response.Body, output, type, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteXmlAsync(HttpContext context, int status, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/xml";
        response.Headers["x-amzn-RequestId"] = RequestIds.Of(context);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteJsonErrorAsync(HttpContext context, AwsServiceException error) =>
        AwsErrorWriter.WriteQueryCompatibleJsonAsync(context, ContentType, $"com.amazonaws.sqs#{error.Code}", SqsErrors.QueryCodeOf(error.Code), error.Message, error.StatusCode);
}
