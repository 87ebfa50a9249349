using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
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

    private const int SmallBodyBytes = 1024 * 1024;
    private const int DefaultBatchSize = 10;
    private const int DefaultListItems = 100;
    private const string ReportBatchItemFailures = "ReportBatchItemFailures";

    /// <summary>The event source mapping operations of the Lambda API, added to its route table.</summary>
    public void AddRoutes(RestRoutes routes) => routes
        .Add("POST", $"/2015-03-31/{Segment}", (c, _) => CreateAsync(c))
        .Add("GET", $"/2015-03-31/{Segment}", (c, _) => ListAsync(c))
        .Add("GET", $"/2015-03-31/{Segment}/{{UUID}}", (c, l) => GetAsync(c, l[0]))
        .Add("PUT", $"/2015-03-31/{Segment}/{{UUID}}", (c, l) => UpdateAsync(c, l[0]))
        .Add("DELETE", $"/2015-03-31/{Segment}/{{UUID}}", (c, l) => DeleteAsync(c, l[0]));

    private async Task CreateAsync(HttpContext context)
    {
        var input = await LambdaEndpoint.ReadJsonAsync(context, LambdaApiJsonContext.Wire.CreateEventSourceMappingInput, SmallBodyBytes, "CreateEventSourceMapping").ConfigureAwait(false);
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
        var maxItems = DefaultListItems;
        if (query["MaxItems"].ToString() is { Length: > 0 } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out maxItems) || maxItems is < 1 or > LambdaLimits.MaxListItems))
        {
            throw LambdaErrors.Validation("maxItems", text, "Member must have value between 1 and 10000");
        }

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
        var start = 0;
        if (query["Marker"].ToString() is { Length: > 0 } marker)
        {
            var after = DecodeMarker(marker);
            start = matching.FindIndex(m => m.Uuid == after) + 1;
        }

        var page = matching.Skip(start).Take(maxItems).ToArray();
        var next = start + page.Length < matching.Count ? EncodeMarker(page[^1].Uuid) : null;
        var output = new ListEventSourceMappingsOutput(next, [.. page.Select(m => Output(m, m.State))]);
        await LambdaEndpoint.WriteJsonAsync(context, StatusCodes.Status200OK, output, LambdaApiJsonContext.Wire.ListEventSourceMappingsOutput).ConfigureAwait(false);
    }

    private async Task GetAsync(HttpContext context, string uuid)
    {
        var mapping = store.Find(uuid) ?? throw NotFound();
        await WriteAsync(context, StatusCodes.Status200OK, Output(mapping, mapping.State)).ConfigureAwait(false);
    }

    private async Task UpdateAsync(HttpContext context, string uuid)
    {
        var input = await LambdaEndpoint.ReadJsonAsync(context, LambdaApiJsonContext.Wire.UpdateEventSourceMappingInput, SmallBodyBytes, "UpdateEventSourceMapping").ConfigureAwait(false);
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

    private static bool ReportsFailures(string[]? types)
    {
        foreach (var type in types ?? [])
        {
            if (type != ReportBatchItemFailures)
            {
                throw LambdaErrors.Validation("functionResponseTypes", type, "Member must satisfy enum value set: [ReportBatchItemFailures]");
            }
        }

        return types?.Length > 0;
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

    private EventSourceMappingOutput Output(EventSourceMapping mapping, EventSourceMappingState state) => new(
        mapping.Uuid,
        mapping.BatchSize,
        mapping.MaximumBatchingWindowInSeconds,
        mapping.EventSourceArn,
        host.Store.ArnOf(mapping.FunctionName),
        Math.Round(mapping.LastModified.ToUnixTimeMilliseconds() / 1000.0, 3),
        state.ToString(),
        mapping.StateTransitionReason,
        mapping.ReportBatchItemFailures ? [ReportBatchItemFailures] : [],
        $"arn:aws:lambda:{host.Store.Region}:{host.Store.AccountId}:event-source-mapping:{mapping.Uuid}");

    private static Task WriteAsync(HttpContext context, int status, EventSourceMappingOutput output) =>
        LambdaEndpoint.WriteJsonAsync(context, status, output, LambdaApiJsonContext.Wire.EventSourceMappingOutput);

    private static AwsServiceException NotFound() =>
        new("ResourceNotFoundException", "The resource you requested does not exist.", StatusCodes.Status404NotFound);

    private static string EncodeMarker(string uuid) => Convert.ToBase64String(Encoding.UTF8.GetBytes(uuid));

    private static string DecodeMarker(string marker)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(marker));
        }
        catch (FormatException)
        {
            throw LambdaErrors.InvalidParameter($"Invalid marker: {marker}");
        }
    }
}
