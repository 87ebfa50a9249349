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
internal sealed class SqsEndpoint : IAwsServiceEndpoint
{
    public const string TargetPrefix = "AmazonSQS";

    private readonly JsonProtocol _json;

    private readonly QueryProtocol _query;

    public SqsEndpoint(SqsOperations operations)
    {
        var json = SqsApiJsonContext.Default;
        var table = new JsonOperations()
            .Add("CreateQueue", json.CreateQueueInput, json.QueueUrlOutput, (CreateQueueInput i, OperationCall c) => Task.FromResult(operations.CreateQueue(i, c.BaseUrl)))
            .Add("GetQueueUrl", json.GetQueueUrlInput, json.QueueUrlOutput, (GetQueueUrlInput i, OperationCall c) => Task.FromResult(operations.GetQueueUrl(i, c.BaseUrl)))
            .Add("ListQueues", json.ListQueuesInput, json.ListQueuesOutput, (ListQueuesInput i, OperationCall c) => Task.FromResult(operations.ListQueues(i, c.BaseUrl)))
            .Add("DeleteQueue", json.QueueUrlInput, json.EmptyOutput, operations.DeleteQueue)
            .Add("PurgeQueue", json.QueueUrlInput, json.EmptyOutput, operations.PurgeQueue)
            .Add("GetQueueAttributes", json.GetQueueAttributesInput, json.GetQueueAttributesOutput, operations.GetQueueAttributes)
            .Add("SetQueueAttributes", json.SetQueueAttributesInput, json.EmptyOutput, operations.SetQueueAttributes)
            .Add("SendMessage", json.SendMessageInput, json.SendMessageOutput, operations.SendMessageAsync)
            .Add("SendMessageBatch", json.SendMessageBatchInput, json.SendMessageBatchOutput, operations.SendMessageBatchAsync)
            .Add("ReceiveMessage", json.ReceiveMessageInput, json.ReceiveMessageOutput, operations.ReceiveMessageAsync)
            .Add("DeleteMessage", json.DeleteMessageInput, json.EmptyOutput, operations.DeleteMessageAsync)
            .Add("DeleteMessageBatch", json.DeleteMessageBatchInput, json.DeleteMessageBatchOutput, operations.DeleteMessageBatchAsync)
            .Add("ChangeMessageVisibility", json.ChangeMessageVisibilityInput, json.EmptyOutput, operations.ChangeMessageVisibility)
            .Add("ChangeMessageVisibilityBatch", json.ChangeMessageVisibilityBatchInput, json.ChangeMessageVisibilityBatchOutput, operations.ChangeMessageVisibilityBatch);
        _json = new JsonProtocol(SigningName, "SQS", TargetPrefix, "1.0", table)
        {
            QueryCompatible = (code => $"com.amazonaws.sqs#{code}", SqsErrors.QueryCodeOf),
        };

        _query = new QueryProtocol(SigningName, SqsQueryXml.Namespace, SqsQueryXml.Response) { ErrorCode = SqsErrors.QueryCodeOf }
            .Add("CreateQueue", (p, c) => Task.FromResult<object>(operations.CreateQueue(p.CreateQueue(), c.BaseUrl)))
            .Add("GetQueueUrl", (p, c) => Task.FromResult<object>(operations.GetQueueUrl(p.GetQueueUrl(), c.BaseUrl)))
            .Add("ListQueues", (p, c) => Task.FromResult<object>(operations.ListQueues(p.ListQueues(), c.BaseUrl)))
            .Add("DeleteQueue", p => operations.DeleteQueue(p.QueueUrl()))
            .Add("PurgeQueue", p => operations.PurgeQueue(p.QueueUrl()))
            .Add("GetQueueAttributes", p => operations.GetQueueAttributes(p.GetQueueAttributes()))
            .Add("SetQueueAttributes", p => operations.SetQueueAttributes(p.SetQueueAttributes()))
            .Add("SendMessage", async (p, c) => await operations.SendMessageAsync(p.SendMessage(), c.Cancellation).ConfigureAwait(false))
            .Add("SendMessageBatch", async (p, c) => await operations.SendMessageBatchAsync(p.SendMessageBatch(), c.Cancellation).ConfigureAwait(false))
            .Add("ReceiveMessage", async (p, c) => await operations.ReceiveMessageAsync(p.ReceiveMessage(), c.Cancellation).ConfigureAwait(false))
            .Add("DeleteMessage", async (p, c) => await operations.DeleteMessageAsync(p.DeleteMessage(), c.Cancellation).ConfigureAwait(false))
            .Add("DeleteMessageBatch", async (p, c) => await operations.DeleteMessageBatchAsync(p.DeleteMessageBatch(), c.Cancellation).ConfigureAwait(false))
            .Add("ChangeMessageVisibility", p => operations.ChangeMessageVisibility(p.ChangeMessageVisibility()))
            .Add("ChangeMessageVisibilityBatch", p => operations.ChangeMessageVisibilityBatch(p.ChangeMessageVisibilityBatch()));
    }

    public string SigningName => "sqs";

    public AwsProtocol Protocol => AwsProtocol.Json;

    /// <summary>Batch rules checked before any entry is processed, as AWS does.</summary>
    internal static void CheckBatch(IReadOnlyList<string?> ids) => SqsOperations.CheckBatch(ids);

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
