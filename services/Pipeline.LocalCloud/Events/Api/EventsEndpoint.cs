using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Pipeline.AwsShapes;
using Pipeline.AwsShapes.EventBridge;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Events.Api;

/// <summary>
/// EventBridge over JSON 1.1: <c>POST /</c> with <c>X-Amz-Target: AWSEvents.&lt;Operation&gt;</c>, the default bus
/// only. Model constraints answer ValidationException; a body that is not JSON is a SerializationException.
/// </summary>
internal sealed partial class EventsEndpoint(EventBusService bus) : IAwsServiceEndpoint
{
    public const string TargetPrefix = "AWSEvents";

    private const string ContentType = "application/x-amz-json-1.1";

    private const int MaxRequestBytes = 1024 * 1024;

    private static EventBridgeJsonContext Json => EventBridgeJsonContext.Default;

    public string SigningName => "events";

    public AwsProtocol Protocol => AwsProtocol.Json;

    public async Task HandleAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        if (!HttpMethods.IsPost(context.Request.Method) || dot < 0 || target[..dot] != TargetPrefix)
        {
            throw new AwsServiceException("UnknownOperationException", $"Unknown operation {(target.Length > 0 ? target : context.Request.Path.ToString())}");
        }

        var operation = target[(dot + 1)..];
        switch (operation)
        {
            case "PutRule":
            {
                var input = await ReadAsync(context, Json.PutRuleInput).ConfigureAwait(false);
                ValidateName(input.Name, "name");
                ValidateBus(input.EventBusName);
                if (input.ScheduleExpression is not null)
                {
                    throw new AwsServiceException("ValidationException", "LocalCloud does not run scheduled rules; give an EventPattern.");
                }

                if (string.IsNullOrEmpty(input.EventPattern))
                {
                    throw new AwsServiceException("ValidationException", "Parameter(s) EventPattern or ScheduleExpression must be specified.");
                }

                var state = ParseState(input.State);
                var arn = bus.PutRule(input.Name!, input.EventPattern, state, input.Description);
                await WriteAsync(context, new PutRuleOutput { RuleArn = arn }, Json.PutRuleOutput).ConfigureAwait(false);
                break;
            }

            case "DescribeRule":
            {
                var input = await ReadAsync(context, Json.DescribeRuleRequest).ConfigureAwait(false);
                ValidateName(input.Name, "name");
                ValidateBus(input.EventBusName);
                var rule = bus.GetRule(input.Name!);
                var output = new DescribeRuleOutput { Name = rule.Name, Arn = rule.Arn, EventPattern = rule.EventPatternJson, State = FormatState(rule.State), Description = rule.Description, EventBusName = EventBusService.DefaultBus, CreatedBy = bus.AccountId };
                await WriteAsync(context, output, Json.DescribeRuleOutput).ConfigureAwait(false);
                break;
            }

            case "ListRules":
            {
                var input = await ReadAsync(context, Json.ListRulesInput).ConfigureAwait(false);
                ValidateBus(input.EventBusName);
                var (page, next) = Page(bus.ListRules(input.NamePrefix), input.Limit, input.NextToken);
                var rules = page.Select(r => new RuleEntry { Name = r.Name, Arn = r.Arn, EventPattern = r.EventPatternJson, State = FormatState(r.State), Description = r.Description, EventBusName = EventBusService.DefaultBus }).ToArray();
                await WriteAsync(context, new ListRulesOutput { Rules = rules, NextToken = next }, Json.ListRulesOutput).ConfigureAwait(false);
                break;
            }

            case "DeleteRule":
            {
                var input = await ReadAsync(context, Json.DeleteRuleRequest).ConfigureAwait(false);
                ValidateName(input.Name, "name");
                ValidateBus(input.EventBusName);
                bus.DeleteRule(input.Name!);
                await WriteAsync(context, new EmptyOutput(), Json.EmptyOutput).ConfigureAwait(false);
                break;
            }

            case "PutTargets":
            {
                var input = await ReadAsync(context, Json.PutTargetsInput).ConfigureAwait(false);
                ValidateName(input.Rule, "rule");
                ValidateBus(input.EventBusName);
                var targets = ValidateTargets(input.Targets);
                bus.PutTargets(input.Rule!, targets);
                await WriteAsync(context, new PutTargetsResponse { FailedEntryCount = 0, FailedEntries = [] }, Json.PutTargetsResponse).ConfigureAwait(false);
                break;
            }

            case "ListTargetsByRule":
            {
                var input = await ReadAsync(context, Json.ListTargetsByRuleInput).ConfigureAwait(false);
                ValidateName(input.Rule, "rule");
                ValidateBus(input.EventBusName);
                var (page, next) = Page(bus.GetRule(input.Rule!).Targets, input.Limit, input.NextToken);
                var targets = page.Select(t => new TargetEntry { Id = t.Id, Arn = t.Arn, Input = t.Input }).ToArray();
                await WriteAsync(context, new ListTargetsByRuleOutput { Targets = targets, NextToken = next }, Json.ListTargetsByRuleOutput).ConfigureAwait(false);
                break;
            }

            case "RemoveTargets":
            {
                var input = await ReadAsync(context, Json.RemoveTargetsInput).ConfigureAwait(false);
                ValidateName(input.Rule, "rule");
                ValidateBus(input.EventBusName);
                if (input.Ids is not { Count: > 0 and <= EventsLimits.MaxTargetsPerCall } ids || ids.Any(i => i is null))
                {
                    throw Validation("ids", $"Member must have length between 1 and {EventsLimits.MaxTargetsPerCall}");
                }

                bus.RemoveTargets(input.Rule!, ids.Select(i => i!).ToArray());
                await WriteAsync(context, new RemoveTargetsResponse { FailedEntryCount = 0, FailedEntries = [] }, Json.RemoveTargetsResponse).ConfigureAwait(false);
                break;
            }

            case "PutEvents":
            {
                var input = await ReadAsync(context, Json.PutEventsInput).ConfigureAwait(false);
                var output = PutEvents(bus, input);
                await WriteAsync(context, output, Json.PutEventsOutput).ConfigureAwait(false);
                break;
            }

            default:
                throw new AwsServiceException("UnknownOperationException", $"Unknown operation {operation}");
        }
    }

    /// <summary>
    /// Checks the request as a whole (1 to 10 entries, 256 KiB) and then each entry on its own: a bad entry is
    /// answered in its slot with an error code while the others are put, as AWS does.
    /// </summary>
    internal static PutEventsOutput PutEvents(EventBusService bus, PutEventsInput input)
    {
        if (input.Entries is null)
        {
            throw Validation("entries", "Member must not be null");
        }

        if (input.Entries.Count is < 1 or > EventsLimits.MaxEntriesPerPut)
        {
            throw Validation("entries", $"Member must have length less than or equal to {EventsLimits.MaxEntriesPerPut} and greater than or equal to 1");
        }

        if (input.Entries.Sum(Size) > EventsLimits.MaxPutEventsBytes)
        {
            throw new AwsServiceException("ValidationException", "Total size of the entries in the request is over the limit.");
        }

        var results = new List<PutEventsResultEntry>();
        foreach (var entry in input.Entries)
        {
            results.Add(PutEntry(bus, entry));
        }

        return new PutEventsOutput { FailedEntryCount = results.Count(r => r.ErrorCode is not null), Entries = results };
    }

    private static PutEventsResultEntry PutEntry(EventBusService bus, PutEventsEntry? entry)
    {
        if (string.IsNullOrEmpty(entry?.Source))
        {
            return Failed("InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument.");
        }

        if (string.IsNullOrEmpty(entry.DetailType))
        {
            return Failed("InvalidArgument", "Parameter DetailType is not valid. Reason: DetailType is a required argument.");
        }

        if (string.IsNullOrEmpty(entry.Detail))
        {
            return Failed("InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument.");
        }

        if (entry.EventBusName is not null and not EventBusService.DefaultBus && !entry.EventBusName.EndsWith(":event-bus/default", StringComparison.Ordinal))
        {
            return Failed("InvalidArgument", $"Event bus {entry.EventBusName} does not exist; LocalCloud has only the default bus.");
        }

        if (!IsJsonObject(entry.Detail))
        {
            return Failed("MalformedDetail", "Detail is malformed.");
        }

        var id = bus.Put(entry.Source, entry.DetailType, entry.Detail, entry.Resources ?? [], entry.Time);
        return new PutEventsResultEntry { EventId = id };
    }

    // AWS counts the UTF-8 bytes of Source, DetailType, Detail and Resources, and 14 bytes for a Time.
    private static int Size(PutEventsEntry? entry) => entry is null ? 0
        : Encoding.UTF8.GetByteCount(entry.Source ?? string.Empty)
          + Encoding.UTF8.GetByteCount(entry.DetailType ?? string.Empty)
          + Encoding.UTF8.GetByteCount(entry.Detail ?? string.Empty)
          + (entry.Resources ?? []).Sum(r => Encoding.UTF8.GetByteCount(r))
          + (entry.Time is null ? 0 : 14);

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static PutEventsResultEntry Failed(string code, string message) => new() { ErrorCode = code, ErrorMessage = message };

    private static EventTarget[] ValidateTargets(IReadOnlyList<TargetEntry?>? targets)
    {
        if (targets is not { Count: > 0 and <= EventsLimits.MaxTargetsPerCall })
        {
            throw Validation("targets", $"Member must have length less than or equal to {EventsLimits.MaxTargetsPerCall} and greater than or equal to 1");
        }

        var result = new List<EventTarget>();
        foreach (var target in targets)
        {
            ValidateName(target?.Id, "targets.member.id");
            if (string.IsNullOrEmpty(target!.Arn))
            {
                throw Validation("targets.member.arn", "Member must not be null");
            }

            if (target.Input is not null && !IsJson(target.Input))
            {
                throw new AwsServiceException("ValidationException", $"Target {target.Id}: Input is not valid JSON text.");
            }

            result.Add(new EventTarget(target.Id!, target.Arn, target.Input));
        }

        return result.ToArray();
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static (IReadOnlyList<T> Page, string? Next) Page<T>(IReadOnlyList<T> items, int? limit, string? nextToken)
    {
        var start = nextToken is null ? 0 : int.TryParse(nextToken, out var n) && n >= 0 ? n : throw new AwsServiceException("ValidationException", "The NextToken is not valid.");
        var size = limit is > 0 and <= 100 ? limit.Value : 100;
        var page = items.Skip(start).Take(size).ToArray();
        return (page, start + size < items.Count ? (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    private static void ValidateName(string? name, string member)
    {
        if (name is null)
        {
            throw Validation(member, "Member must not be null");
        }

        if (name.Length is < 1 or > 64 || !NamePattern().IsMatch(name))
        {
            throw new AwsServiceException(
                "ValidationException",
                $"1 validation error detected: Value '{name}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+ and have length between 1 and 64");
        }
    }

    private static void ValidateBus(string? name)
    {
        if (name is not null and not EventBusService.DefaultBus && !name.EndsWith(":event-bus/default", StringComparison.Ordinal))
        {
            throw new AwsServiceException("ResourceNotFoundException", $"Event bus {name} does not exist.");
        }
    }

    private static RuleState ParseState(string? state) => state switch
    {
        null or "ENABLED" => RuleState.Enabled,
        "DISABLED" => RuleState.Disabled,
        _ => throw Validation("state", "Member must satisfy enum value set: [ENABLED, DISABLED]"),
    };

    private static string FormatState(RuleState state) => state == RuleState.Enabled ? "ENABLED" : "DISABLED";

    private static AwsServiceException Validation(string member, string constraint) =>
        new("ValidationException", $"1 validation error detected: Value at '{member}' failed to satisfy constraint: {constraint}");

    private static async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
    {
        if (context.Request.ContentLength > MaxRequestBytes)
        {
            throw new AwsServiceException("RequestEntityTooLarge", $"The request body is larger than {MaxRequestBytes} bytes.", StatusCodes.Status413RequestEntityTooLarge);
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var bytes = body.Length == 0 ? "{}"u8.ToArray() : body.ToArray();
        try
        {
            return JsonSerializer.Deserialize(bytes, type) ?? throw new AwsServiceException("SerializationException", "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException("SerializationException", $"The request body is not valid for the operation: {e.Message}");
        }
    }

    private static async Task WriteAsync<T>(HttpContext context, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-RequestId"] = RequestIds.Of(context);
        await JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted).ConfigureAwait(false);
    }

    [GeneratedRegex(@"^[\.\-_A-Za-z0-9]+$")]
    private static partial Regex NamePattern();
}
