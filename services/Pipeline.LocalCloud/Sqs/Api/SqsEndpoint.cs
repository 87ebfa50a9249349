using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Pipeline.AwsShapes.Sqs;
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
internal sealed class SqsEndpoint : IAwsServiceEndpoint
{
    public const string TargetPrefix = "AmazonSQS";

    private readonly JsonProtocol _json;
    private readonly QueryProtocol _query;

    public SqsEndpoint(SqsOperations operations)
    {
        var json = SqsJsonContext.Default;
        var table = new JsonOperations();
        _query = new QueryProtocol(SigningName, SqsQueryXml.Namespace, SqsQueryXml.Response) { ErrorCode = SqsErrors.QueryCodeOf };

        // Each operation once, for both protocols: the JSON body or the Query parameters read into the same shape.
        void Add<TIn, TOut>(string name, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output, Func<QueryParameters, TIn> query, Func<TIn, OperationCall, Task<TOut>> run)
            where TOut : notnull
        {
            table.Add(name, input, output, run);
            _query.Add(name, async (p, c) => (object)await run(query(p), c).ConfigureAwait(false));
        }

        Add("CreateQueue", json.CreateQueueRequest, json.CreateQueueResult, SqsQueryRequests.CreateQueue, (i, c) => Task.FromResult(operations.CreateQueue(i, c.BaseUrl)));
        Add("GetQueueUrl", json.GetQueueUrlRequest, json.GetQueueUrlResult, SqsQueryRequests.GetQueueUrl, (i, c) => Task.FromResult(operations.GetQueueUrl(i, c.BaseUrl)));
        Add("ListQueues", json.ListQueuesRequest, json.ListQueuesResult, SqsQueryRequests.ListQueues, (i, c) => Task.FromResult(operations.ListQueues(i, c.BaseUrl)));
        Add("DeleteQueue", json.DeleteQueueRequest, json.EmptyOutput, SqsQueryRequests.DeleteQueue, (i, _) => Task.FromResult(operations.DeleteQueue(i)));
        Add("PurgeQueue", json.PurgeQueueRequest, json.EmptyOutput, SqsQueryRequests.PurgeQueue, (i, _) => Task.FromResult(operations.PurgeQueue(i)));
        Add("GetQueueAttributes", json.GetQueueAttributesRequest, json.GetQueueAttributesResult, SqsQueryRequests.GetQueueAttributes, (i, _) => Task.FromResult(operations.GetQueueAttributes(i)));
        Add("SetQueueAttributes", json.SetQueueAttributesRequest, json.EmptyOutput, SqsQueryRequests.SetQueueAttributes, (i, _) => Task.FromResult(operations.SetQueueAttributes(i)));
        Add("SendMessage", json.SendMessageRequest, json.SendMessageResult, SqsQueryRequests.SendMessage, (i, c) => operations.SendMessageAsync(i, c.Cancellation));
        Add("SendMessageBatch", json.SendMessageBatchRequest, json.SendMessageBatchResult, SqsQueryRequests.SendMessageBatch, (i, c) => operations.SendMessageBatchAsync(i, c.Cancellation));
        Add("ReceiveMessage", json.ReceiveMessageRequest, json.ReceiveMessageResult, SqsQueryRequests.ReceiveMessage, (i, c) => operations.ReceiveMessageAsync(i, c.Cancellation));
        Add("DeleteMessage", json.DeleteMessageRequest, json.EmptyOutput, SqsQueryRequests.DeleteMessage, (i, c) => operations.DeleteMessageAsync(i, c.Cancellation));
        Add("DeleteMessageBatch", json.DeleteMessageBatchRequest, json.DeleteMessageBatchResult, SqsQueryRequests.DeleteMessageBatch, (i, c) => operations.DeleteMessageBatchAsync(i, c.Cancellation));
        Add("ChangeMessageVisibility", json.ChangeMessageVisibilityRequest, json.EmptyOutput, SqsQueryRequests.ChangeMessageVisibility, (i, _) => Task.FromResult(operations.ChangeMessageVisibility(i)));
        Add("ChangeMessageVisibilityBatch", json.ChangeMessageVisibilityBatchRequest, json.ChangeMessageVisibilityBatchResult, SqsQueryRequests.ChangeMessageVisibilityBatch, (i, _) => operations.ChangeMessageVisibilityBatchAsync(i));
        _json = new JsonProtocol(SigningName, "SQS", TargetPrefix, "1.0", table)
        {
            QueryCompatible = (code => $"com.amazonaws.sqs#{code}", SqsErrors.QueryCodeOf),
        };
    }

    public string SigningName => "sqs";

    public AwsProtocol Protocol => AwsProtocol.Json;

    /// <summary>Whether the request speaks the Query protocol rather than JSON.</summary>
    internal static bool IsQuery(HttpRequest request) =>
        !request.Headers.ContainsKey("X-Amz-Target")
        && ((HttpMethods.IsPost(request.Method) && request.HasFormContentType) || request.Query.ContainsKey("Action"));

    public Task HandleAsync(HttpContext context) =>
        IsQuery(context.Request) ? _query.HandleAsync(context) : _json.HandleAsync(context);

    /// <summary>Runs a Query action; the same operations, and so the same rules and errors, as JSON.</summary>
    internal Task<object> RunQueryAsync(string action, QueryParameters parameters, string baseUrl, CancellationToken ct) =>
        _query.RunAsync(action, parameters, new OperationCall(baseUrl, ct));
}
