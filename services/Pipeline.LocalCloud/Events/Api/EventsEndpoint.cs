using System.Text;
using System.Text.Json;
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
internal sealed partial class EventsEndpoint : IAwsServiceEndpoint
{
    public const string TargetPrefix = "AWSEvents";

    private readonly JsonProtocol _protocol;

    public EventsEndpoint(EventBusService bus)
    {
        var json = EventBridgeJsonContext.Default;
        var operations = new JsonOperations()
            .Add("PutRule", json.PutRuleInput, json.PutRuleOutput, input =>
            {
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
                return new PutRuleOutput { RuleArn = bus.PutRule(input.Name!, input.EventPattern, state, input.Description) };
            })
            .Add("DescribeRule", json.DescribeRuleRequest, json.DescribeRuleOutput, input =>
            {
                ValidateName(input.Name, "name");
                ValidateBus(input.EventBusName);
                var rule = bus.GetRule(input.Name!);
                return new DescribeRuleOutput { Name = rule.Name, Arn = rule.Arn, EventPattern = rule.EventPatternJson, State = FormatState(rule.State), Description = rule.Description, EventBusName = EventBusService.DefaultBus, CreatedBy = bus.AccountId };
            })
            .Add("ListRules", json.ListRulesInput, json.ListRulesOutput, input =>
            {
                ValidateBus(input.EventBusName);
                var (page, next) = Page(bus.ListRules(input.NamePrefix), input.Limit, input.NextToken);
                var rules = page.Select(r => new RuleEntry { Name = r.Name, Arn = r.Arn, EventPattern = r.EventPatternJson, State = FormatState(r.State), Description = r.Description, EventBusName = EventBusService.DefaultBus }).ToArray();
                return new ListRulesOutput { Rules = rules, NextToken = next };
            })
            .Add("DeleteRule", json.DeleteRuleRequest, json.EmptyOutput, input =>
            {
                ValidateName(input.Name, "name");
                ValidateBus(input.EventBusName);
                bus.DeleteRule(input.Name!);
                return new EmptyOutput();
            })
            .Add("PutTargets", json.PutTargetsInput, json.PutTargetsResponse, input =>
            {
                ValidateName(input.Rule, "rule");
                ValidateBus(input.EventBusName);
                bus.PutTargets(input.Rule!, ValidateTargets(input.Targets));
                return new PutTargetsResponse { FailedEntryCount = 0, FailedEntries = [] };
            })
            .Add("ListTargetsByRule", json.ListTargetsByRuleInput, json.ListTargetsByRuleOutput, input =>
            {
                ValidateName(input.Rule, "rule");
                ValidateBus(input.EventBusName);
                var (page, next) = Page(bus.GetRule(input.Rule!).Targets, input.Limit, input.NextToken);
                return new ListTargetsByRuleOutput { Targets = page.Select(t => new TargetEntry { Id = t.Id, Arn = t.Arn, Input = t.Input }).ToArray(), NextToken = next };
            })
            .Add("RemoveTargets", json.RemoveTargetsInput, json.RemoveTargetsResponse, input =>
            {
                ValidateName(input.Rule, "rule");
                ValidateBus(input.EventBusName);
                if (input.Ids is not { Count: > 0 and <= EventsLimits.MaxTargetsPerCall } ids || ids.Any(i => i is null))
                {
                    throw Validation("ids", $"Member must have length between 1 and {EventsLimits.MaxTargetsPerCall}");
                }

                bus.RemoveTargets(input.Rule!, ids.Select(i => i!).ToArray());
                return new RemoveTargetsResponse { FailedEntryCount = 0, FailedEntries = [] };
            })
            .Add("PutEvents", json.PutEventsInput, json.PutEventsOutput, input => PutEvents(bus, input));
        _protocol = new JsonProtocol(SigningName, "EventBridge", TargetPrefix, "1.1", operations);
    }

    public string SigningName => "events";

    public AwsProtocol Protocol => AwsProtocol.Json;

    public Task HandleAsync(HttpContext context) => _protocol.HandleAsync(context);

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

    [GeneratedRegex(@"^[\.\-_A-Za-z0-9]+$")]
    private static partial Regex NamePattern();
}
