using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Events.Patterns;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda;

namespace Pipeline.LocalCloud.Events;

/// <summary>
/// The default event bus: rules, their targets, and events matched and queued for delivery. State is in memory;
/// a restart starts with no rules, as callers that provision their rules at start expect.
/// </summary>
internal sealed partial class EventBusService : IEventBus, IEventHistory
{
    public const string DefaultBus = "default";

    private readonly ConcurrentDictionary<string, EventRule> _rules = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PublishedEvent> _history = new();
    private readonly Channel<EventDelivery> _deliveries = Channel.CreateUnbounded<EventDelivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _gate = new();
    private readonly LocalCloudOptions _cloud;
    private readonly Func<IFunctionInvoker> _invoker;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="cloud">Region and account for ARNs and envelopes.</param>
    /// <param name="invoker">Resolved at the first Lambda delivery, so the API answers in a LocalCloud without Lambda.</param>
    /// <param name="time">Event times and retry delays.</param>
    /// <param name="logger">Deliveries and their failures.</param>
    public EventBusService(LocalCloudOptions cloud, Func<IFunctionInvoker> invoker, TimeProvider time, ILogger<EventBusService> logger)
    {
        _cloud = cloud;
        _invoker = invoker;
        _time = time;
        _logger = logger;
    }

    /// <summary>Delay before the second delivery attempt; doubled before each later one.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public IReadOnlyList<PublishedEvent> Recent => _history.ToArray();

    public string RuleArn(string name) => $"arn:aws:events:{_cloud.Region}:{_cloud.AccountId}:rule/{name}";

    public string AccountId => _cloud.AccountId;

    /// <summary>Creates or updates a rule; an update keeps its targets.</summary>
    public string PutRule(string name, string patternJson, RuleState state, string? description)
    {
        var pattern = EventPattern.Parse(patternJson);
        lock (_gate)
        {
            var targets = _rules.TryGetValue(name, out var existing) ? existing.Targets : [];
            var rule = new EventRule(name, RuleArn(name), patternJson, pattern, state, description, targets);
            _rules[name] = rule;
            return rule.Arn;
        }
    }

    public EventRule GetRule(string name) =>
        _rules.TryGetValue(name, out var rule) ? rule : throw new AwsServiceException("ResourceNotFoundException", $"Rule {name} does not exist on EventBus {DefaultBus}.");

    public IReadOnlyList<EventRule> ListRules(string? prefix) =>
        _rules.Values.Where(r => prefix is null || r.Name.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(r => r.Name, StringComparer.Ordinal).ToArray();

    /// <summary>Deletes a rule; deleting one that does not exist succeeds, as in AWS.</summary>
    public void DeleteRule(string name)
    {
        lock (_gate)
        {
            if (_rules.TryGetValue(name, out var rule) && rule.Targets.Count > 0)
            {
                throw new AwsServiceException("ValidationException", "Rule can't be deleted since it has targets.");
            }

            _rules.TryRemove(name, out _);
        }
    }

    /// <summary>Adds or replaces targets by id.</summary>
    public void PutTargets(string ruleName, IReadOnlyList<EventTarget> targets)
    {
        lock (_gate)
        {
            var rule = GetRule(ruleName);
            var merged = rule.Targets.Where(t => targets.All(n => n.Id != t.Id)).Concat(targets).ToArray();
            if (merged.Length > EventsLimits.MaxTargetsPerRule)
            {
                throw new AwsServiceException("LimitExceededException", $"The requested resource exceeds the maximum number allowed: a rule has at most {EventsLimits.MaxTargetsPerRule} targets.");
            }

            _rules[ruleName] = rule with { Targets = merged };
        }
    }

    /// <summary>Removes targets by id; ids the rule does not have are ignored.</summary>
    public void RemoveTargets(string ruleName, IReadOnlyCollection<string> ids)
    {
        lock (_gate)
        {
            var rule = GetRule(ruleName);
            _rules[ruleName] = rule with { Targets = rule.Targets.Where(t => !ids.Contains(t.Id)).ToArray() };
        }
    }

    /// <inheritdoc />
    public Task PublishAsync(string source, string detailType, string detailJson, IReadOnlyList<string> resources, CancellationToken cancellationToken = default)
    {
        Put(source, detailType, detailJson, resources, null);
        return Task.CompletedTask;
    }

    /// <summary>Puts one validated event: records it, matches it against enabled rules, queues its deliveries; its id.</summary>
    public string Put(string source, string detailType, string detailJson, IReadOnlyList<string> resources, DateTimeOffset? time)
    {
        var id = Guid.NewGuid().ToString();
        var at = time ?? _time.GetUtcNow();
        var envelope = Envelope(id, source, detailType, at, resources, detailJson);
        using var document = JsonDocument.Parse(envelope);
        var matched = new List<string>();
        var publisher = Activity.Current?.Context ?? default;
        foreach (var rule in ListRules(null))
        {
            if (rule.State != RuleState.Enabled || rule.Pattern is null || !rule.Pattern.Matches(document.RootElement))
            {
                continue;
            }

            matched.Add(rule.Name);
            foreach (var target in rule.Targets)
            {
                _deliveries.Writer.TryWrite(new EventDelivery(id, rule.Name, target, target.Input ?? envelope, publisher));
            }
        }

        _history.Enqueue(new PublishedEvent(id, source, detailType, at, resources, envelope, matched));
        while (_history.Count > EventsLimits.HistorySize)
        {
            _history.TryDequeue(out _);
        }

        LogPut(id, source, detailType, matched.Count);
        return id;
    }

    /// <summary>Delivers queued events until cancelled; the hosted service runs it.</summary>
    public async Task RunDeliveriesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var delivery in _deliveries.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await DeliverAsync(delivery, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: undelivered events are dropped, as LocalCloud keeps the bus in memory.
        }
    }

    private async Task DeliverAsync(EventDelivery delivery, CancellationToken cancellationToken)
    {
        if (!delivery.Target.Arn.StartsWith("arn:aws:lambda:", StringComparison.Ordinal))
        {
            LogUnsupportedTarget(delivery.EventId, delivery.RuleName, delivery.Target.Arn);
            return;
        }

        // EventBridge passes no trace to a Lambda target; the delivery continues the trace of the span the event was
        // put in (a crawl, a job run, a PutEvents call), and the invocation carries it as Lambda's trace header.
        using var activity = EventsTelemetry.Source.StartActivity($"EventBridge deliver {delivery.RuleName}", ActivityKind.Producer, delivery.Publisher);
        activity?.SetTag("aws.events.rule", delivery.RuleName);
        activity?.SetTag("aws.events.event_id", delivery.EventId);
        activity?.SetTag("aws.events.target", delivery.Target.Arn);
        var delay = RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            try
            {
                var result = await _invoker().InvokeAsync(delivery.Target.Arn, Encoding.UTF8.GetBytes(delivery.Payload), cancellationToken).ConfigureAwait(false);
                if (result.Succeeded)
                {
                    LogDelivered(delivery.EventId, delivery.RuleName, delivery.Target.Arn, attempt);
                    return;
                }

                reason = $"{result.FunctionError}: {Encoding.UTF8.GetString(result.Payload)}";
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                reason = e.Message;
            }

            if (attempt >= EventsLimits.DeliveryAttempts)
            {
                activity?.SetStatus(ActivityStatusCode.Error, reason);
                LogDeliveryFailed(delivery.EventId, delivery.RuleName, delivery.Target.Arn, attempt, reason);
                return;
            }

            LogDeliveryRetry(delivery.EventId, delivery.Target.Arn, attempt, reason);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            delay *= 2;
        }
    }

    private string Envelope(string id, string source, string detailType, DateTimeOffset time, IReadOnlyList<string> resources, string detailJson)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("version", "0");
            writer.WriteString("id", id);
            writer.WriteString("detail-type", detailType);
            writer.WriteString("source", source);
            writer.WriteString("account", _cloud.AccountId);
            writer.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("region", _cloud.Region);
            writer.WriteStartArray("resources");
            foreach (var resource in resources)
            {
                writer.WriteStringValue(resource);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("detail");
            writer.WriteRawValue(detailJson);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} from {Source} ({DetailType}) matched {Rules} rules")]
    private partial void LogPut(string eventId, string source, string detailType, int rules);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered event {EventId} of rule {Rule} to {Target} (attempt {Attempt})")]
    private partial void LogDelivered(string eventId, string rule, string target, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering event {EventId} to {Target} failed (attempt {Attempt}), retrying: {Reason}")]
    private partial void LogDeliveryRetry(string eventId, string target, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up delivering event {EventId} of rule {Rule} to {Target} after {Attempts} attempts: {Reason}")]
    private partial void LogDeliveryFailed(string eventId, string rule, string target, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} of rule {Rule} not delivered: LocalCloud delivers only to Lambda targets, not {Target}")]
    private partial void LogUnsupportedTarget(string eventId, string rule, string target);
}
