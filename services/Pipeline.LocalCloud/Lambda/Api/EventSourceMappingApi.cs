using System.Globalization;
using Microsoft.AspNetCore.Http;
using Pipeline.AwsShapes.Lambda;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda.EventSources;
using Pipeline.LocalCloud.Lambda.Execution;
using Pipeline.LocalCloud.Protocols;
using Pipeline.LocalCloud.Sqs;

namespace Pipeline.LocalCloud.Lambda.Api;

/// <summary>
/// Create/Get/List/Update/DeleteEventSourceMapping (<c>/2015-03-31/event-source-mappings/</c>) for SQS queues,
/// with Lambda's checks: the queue and the function must exist, one mapping per queue and function, BatchSize 1–10,000
/// (over 10 only with a batching window), MaximumBatchingWindowInSeconds 0–300.
/// </summary>
internal sealed class EventSourceMappingApi(EventSourceMappingStore store, FunctionHost host, TimeProvider time, ISqsQueues? queues = null)
{
    public const string Segment = "event-source-mappings";

    private const int DefaultBatchSize = 10;
    private const int DefaultListItems = 100;

    /// <summary>The event source mapping operations of the Lambda API, added to its route table.</summary>
    public void AddRoutes(RestRoutes routes) => routes
        .Add("POST", $"/2015-03-31/{Segment}", (c, _) => CreateAsync(c))
        .Add("GET", $"/2015-03-31/{Segment}", (c, _) => ListAsync(c))
        .Add("GET", $"/2015-03-31/{Segment}/{{UUID}}", (c, l) => GetAsync(c, l[0]))
        .Add("PUT", $"/2015-03-31/{Segment}/{{UUID}}", (c, l) => UpdateAsync(c, l[0]))
        .Add("DELETE", $"/2015-03-31/{Segment}/{{UUID}}", (c, l) => DeleteAsync(c, l[0]));

    private async Task CreateAsync(HttpContext context)
    {
        var input = await LambdaEndpoint.ReadJsonAsync(context, LambdaEndpoint.Json.CreateEventSourceMappingRequest, LambdaEndpoint.SmallBodyBytes, "CreateEventSourceMapping").ConfigureAwait(false);
        var source = input.EventSourceArn ?? throw LambdaErrors.Validation("eventSourceArn", null, "Member must not be null");
        var function = ResolveFunction(input.FunctionName ?? throw LambdaErrors.Validation("functionName", null, "Member must not be null"));
        CheckQueue(source);
        var batchSize = input.BatchSize ?? DefaultBatchSize;
        var window = input.MaximumBatchingWindowInSeconds ?? 0;
        CheckBatching(batchSize, window);
        var mapping = new EventSourceMapping(
            Guid.NewGuid().ToString(),
            source,
            function,
            batchSize,
            window,
            ReportsFailures(input.FunctionResponseTypes),
            input.Enabled == false ? EventSourceMappingState.Disabled : EventSourceMappingState.Enabled,
            "USER_INITIATED",
            time.GetUtcNow());
        if (store.Add(mapping, m => m.EventSourceArn == source && m.FunctionName == function) is { } existing)
        {
            throw new AwsServiceException(
                "ResourceConflictException",
                $"An event source mapping with SQS arn (\" {source} \") and function (\" {function} \") already exists. Please update or delete the existing mapping with UUID {existing.Uuid}",
                StatusCodes.Status409Conflict);
        }

        await WriteAsync(context, StatusCodes.Status202Accepted, Output(mapping, EventSourceMappingState.Creating)).ConfigureAwait(false);
    }

    private async Task ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        IEnumerable<EventSourceMapping> all = store.List();
        if (query["FunctionName"].ToString() is { Length: > 0 } functionName)
        {
            var name = FunctionReference.Parse(functionName).Name;
            all = all.Where(m => m.FunctionName == name);
        }

        if (query["EventSourceArn"].ToString() is { Length: > 0 } sourceArn)
        {
            all = all.Where(m => m.EventSourceArn == sourceArn);
        }

        var matching = all.ToList();
        var (page, next) = LambdaEndpoint.Page(query, matching, DefaultListItems, m => m.Uuid, after => matching.FindIndex(m => m.Uuid == after) + 1);
        var output = new ListEventSourceMappingsResponse { NextMarker = next, EventSourceMappings = [.. page.Select(m => Output(m, m.State))] };
        await LambdaEndpoint.WriteJsonAsync(context, StatusCodes.Status200OK, output, LambdaEndpoint.Json.ListEventSourceMappingsResponse).ConfigureAwait(false);
    }

    private async Task GetAsync(HttpContext context, string uuid)
    {
        var mapping = store.Find(uuid) ?? throw NotFound();
        await WriteAsync(context, StatusCodes.Status200OK, Output(mapping, mapping.State)).ConfigureAwait(false);
    }

    private async Task UpdateAsync(HttpContext context, string uuid)
    {
        var input = await LambdaEndpoint.ReadJsonAsync(context, LambdaEndpoint.Json.UpdateEventSourceMappingRequest, LambdaEndpoint.SmallBodyBytes, "UpdateEventSourceMapping").ConfigureAwait(false);
        var current = store.Find(uuid) ?? throw NotFound();
        var function = input.FunctionName is { } name ? ResolveFunction(name) : current.FunctionName;
        var batchSize = input.BatchSize ?? current.BatchSize;
        var window = input.MaximumBatchingWindowInSeconds ?? current.MaximumBatchingWindowInSeconds;
        CheckBatching(batchSize, window);
        var reports = input.FunctionResponseTypes is { } types ? ReportsFailures(types) : current.ReportBatchItemFailures;
        var updated = store.Update(uuid, m => m with
        {
            FunctionName = function,
            BatchSize = batchSize,
            MaximumBatchingWindowInSeconds = window,
            ReportBatchItemFailures = reports,
            State = input.Enabled switch
            {
                true => EventSourceMappingState.Enabled,
                false => EventSourceMappingState.Disabled,
                null => m.State,
            },
            StateTransitionReason = "USER_INITIATED",
            LastModified = time.GetUtcNow(),
        }) ?? throw NotFound();
        await WriteAsync(context, StatusCodes.Status202Accepted, Output(updated, EventSourceMappingState.Updating)).ConfigureAwait(false);
    }

    private async Task DeleteAsync(HttpContext context, string uuid)
    {
        var removed = store.Remove(uuid) ?? throw NotFound();
        await WriteAsync(context, StatusCodes.Status202Accepted, Output(removed, EventSourceMappingState.Deleting)).ConfigureAwait(false);
    }

    internal static void CheckBatching(int batchSize, int window)
    {
        if (batchSize is < 1 or > 10_000)
        {
            throw LambdaErrors.Validation("batchSize", batchSize.ToString(CultureInfo.InvariantCulture), batchSize < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 10000");
        }

        if (window is < 0 or > 300)
        {
            throw LambdaErrors.Validation("maximumBatchingWindowInSeconds", window.ToString(CultureInfo.InvariantCulture), window < 0 ? "Member must have value greater than or equal to 0" : "Member must have value less than or equal to 300");
        }

        if (batchSize > 10 && window < 1)
        {
            throw LambdaErrors.InvalidParameter("Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
        }
    }

    private static bool ReportsFailures(IReadOnlyList<string>? types)
    {
        foreach (var type in types ?? [])
        {
            if (type != FunctionResponseTypeValues.ReportBatchItemFailures)
            {
                throw LambdaErrors.Validation("functionResponseTypes", type, "Member must satisfy enum value set: [ReportBatchItemFailures]");
            }
        }

        return types?.Count > 0;
    }

    private string ResolveFunction(string name)
    {
        var reference = FunctionReference.Parse(name);
        return host.Store.Find(reference.Name)?.FunctionName ?? throw LambdaErrors.FunctionNotFound(host.Store.ArnOf(reference.Name));
    }

    private void CheckQueue(string arn)
    {
        var parts = arn.Split(':');
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "sqs")
        {
            throw LambdaErrors.InvalidParameter($"LocalCloud maps SQS queues only; {arn} is not an SQS queue ARN.");
        }

        try
        {
            if (queues is null || queues.GetQueueArn(parts[5]) != arn)
            {
                throw SqsErrors.QueueDoesNotExist();
            }
        }
        catch (AwsServiceException)
        {
            throw LambdaErrors.InvalidParameter("Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist.");
        }
    }

    private EventSourceMappingConfiguration Output(EventSourceMapping mapping, EventSourceMappingState state) => new()
    {
        UUID = mapping.Uuid,
        BatchSize = mapping.BatchSize,
        MaximumBatchingWindowInSeconds = mapping.MaximumBatchingWindowInSeconds,
        EventSourceArn = mapping.EventSourceArn,
        FunctionArn = host.Store.ArnOf(mapping.FunctionName),
        LastModified = DateTimeOffset.FromUnixTimeMilliseconds(mapping.LastModified.ToUnixTimeMilliseconds()),
        State = state.ToString(),
        StateTransitionReason = mapping.StateTransitionReason,
        FunctionResponseTypes = mapping.ReportBatchItemFailures ? [FunctionResponseTypeValues.ReportBatchItemFailures] : [],
        EventSourceMappingArn = $"arn:aws:lambda:{host.Store.Region}:{host.Store.AccountId}:event-source-mapping:{mapping.Uuid}",
    };

    private static Task WriteAsync(HttpContext context, int status, EventSourceMappingConfiguration output) =>
        LambdaEndpoint.WriteJsonAsync(context, status, output, LambdaEndpoint.Json.EventSourceMappingConfiguration);

    private static AwsServiceException NotFound() =>
        new("ResourceNotFoundException", "The resource you requested does not exist.", StatusCodes.Status404NotFound);
}
