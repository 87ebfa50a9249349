using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Events.Patterns;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Events;

/// <summary>
/// The default event bus: rules, their targets, and events matched and queued for delivery. Rules and targets are kept
/// in <c>&lt;data&gt;/events/rules.json</c>; each event matched to a target is written to
/// <c>&lt;data&gt;/events/deliveries.queue/</c> before PutEvents answers and removed once delivered or given up, so a
/// restart, even after a crash, delivers what was accepted: at least once, as EventBridge does.
/// </summary>
/// <remarks>
/// Retries follow EventBridge's default retry policy, with LocalCloud's shorter first delay: a delivery that fails
/// (the function cannot be invoked) is retried with exponential backoff (<see cref="RetryDelay"/>, doubled up to
/// <see cref="MaxRetryDelay"/>, no jitter) up to <see cref="EventsLimits.MaximumRetryAttempts"/> times within
/// <see cref="EventsLimits.MaximumEventAge"/>; a target that does not exist is not retried. EventBridge hands events
/// to Lambda asynchronously and Lambda then tries a failing function three times in all; LocalCloud invokes the
/// function directly, so a function error counts towards those <see cref="EventsLimits.DeliveryAttempts"/>.
/// </remarks>
internal sealed partial class EventBusService : IEventBus, IEventHistory
{
    public const string DefaultBus = "default";

    public const string Folder = "events";

    private const string RulesFile = "rules.json";
    private const string QueueFolder = "deliveries.queue";

    private readonly ConcurrentDictionary<string, EventRule> _rules = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PublishedEvent> _history = new();
    private readonly object _gate = new();
    private readonly LocalCloudOptions _cloud;
    private readonly Func<IFunctionInvoker> _invoker;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly StateDocument<StoredRule[]> _rulesFile;
    private readonly DeliveryQueue<EventDelivery> _queue;

    /// <param name="cloud">Region and account for ARNs and envelopes; the data directory.</param>
    /// <param name="invoker">Resolved at the first Lambda delivery, so the API answers in a LocalCloud without Lambda.</param>
    /// <param name="time">Event times and retry delays.</param>
    /// <param name="logger">Deliveries and their failures.</param>
    public EventBusService(LocalCloudOptions cloud, Func<IFunctionInvoker> invoker, TimeProvider time, ILogger<EventBusService> logger)
    {
        _cloud = cloud;
        _invoker = invoker;
        _time = time;
        _logger = logger;
        var root = Path.Combine(cloud.DataDirectory, Folder);
        DurableFile.CreateDirectory(root);
        _rulesFile = new(Path.Combine(root, RulesFile), EventsStateJsonContext.Default.StoredRuleArray);
        LoadRules();
        _queue = new DeliveryQueue<EventDelivery>(Path.Combine(root, QueueFolder), EventsStateJsonContext.Default.EventDelivery, time);
        foreach (var problem in _queue.Unreadable)
        {
            LogUnreadable(problem);
        }
    }

    /// <summary>Delay before the second delivery attempt; doubled before each later one.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between two attempts of a delivery that keeps failing.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Deliveries accepted and not yet delivered or given up (queued, waiting for a retry, or running).</summary>
    public int PendingDeliveries => _queue.Pending;

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
            SaveRules();
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

            if (_rules.TryRemove(name, out _))
            {
                SaveRules();
            }
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
            SaveRules();
        }
    }

    /// <summary>Removes targets by id; ids the rule does not have are ignored.</summary>
    public void RemoveTargets(string ruleName, IReadOnlyCollection<string> ids)
    {
        lock (_gate)
        {
            var rule = GetRule(ruleName);
            _rules[ruleName] = rule with { Targets = rule.Targets.Where(t => !ids.Contains(t.Id)).ToArray() };
            SaveRules();
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
        foreach (var rule in ListRules(null))
        {
            if (rule.State != RuleState.Enabled || rule.Pattern is null || !rule.Pattern.Matches(document.RootElement))
            {
                continue;
            }

            matched.Add(rule.Name);
            foreach (var target in rule.Targets)
            {
                _queue.Add(new EventDelivery(id, rule.Name, target, target.Input ?? envelope));
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

    /// <summary>
    /// Delivers queued events until cancelled; the hosted service runs it. The first run also takes up the deliveries
    /// an earlier LocalCloud left in the queue folder, each when its next attempt is due.
    /// </summary>
    public Task RunDeliveriesAsync(CancellationToken cancellationToken) =>
        _queue.RunAsync(DeliverAsync, count => LogResumed(count, _queue.Directory), cancellationToken);

    // One attempt; a failure is retried as EventBridge's default retry policy says.
    private async Task DeliverAsync(EventDelivery delivery, CancellationToken cancellationToken)
    {
        if (!delivery.Target.Arn.StartsWith("arn:aws:lambda:", StringComparison.Ordinal))
        {
            LogUnsupportedTarget(delivery.EventId, delivery.RuleName, delivery.Target.Arn);
            _queue.Done(delivery);
            return;
        }

        // EventBridge passes no trace to a Lambda target; the delivery continues the trace of the span the event was
        // put in (a crawl, a job run, a PutEvents call), and the invocation carries it as Lambda's trace header.
        using var activity = EventsTelemetry.Source.StartActivity($"EventBridge deliver {delivery.RuleName}", ActivityKind.Producer, delivery.Publisher);
        activity?.SetTag("aws.events.rule", delivery.RuleName);
        activity?.SetTag("aws.events.event_id", delivery.EventId);
        activity?.SetTag("aws.events.target", delivery.Target.Arn);
        activity?.SetTag("aws.events.attempt", delivery.Attempts + 1);
        string reason;
        var functionError = false;
        var retriable = true;
        try
        {
            var result = await _invoker().InvokeAsync(delivery.Target.Arn, Encoding.UTF8.GetBytes(delivery.Payload), cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                LogDelivered(delivery.EventId, delivery.RuleName, delivery.Target.Arn, delivery.Attempts + 1);
                _queue.Done(delivery);
                return;
            }

            reason = $"{result.FunctionError}: {Encoding.UTF8.GetString(result.Payload)}";
            functionError = true;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the attempt does not count, and the delivery stays queued.
            return;
        }
        catch (AwsServiceException e) when (e.Code == "ResourceNotFoundException")
        {
            reason = e.Message;
            retriable = false;
        }
        catch (Exception e)
        {
            reason = e.Message;
        }

        var next = delivery with { Attempts = delivery.Attempts + 1, FunctionErrors = delivery.FunctionErrors + (functionError ? 1 : 0) };
        if (!retriable
            || next.FunctionErrors >= EventsLimits.DeliveryAttempts
            || next.Attempts > EventsLimits.MaximumRetryAttempts
            || _time.GetUtcNow() - next.AcceptedAt >= EventsLimits.MaximumEventAge)
        {
            activity?.SetStatus(ActivityStatusCode.Error, reason);
            LogDeliveryFailed(delivery.EventId, delivery.RuleName, delivery.Target.Arn, next.Attempts, reason);
            _queue.Done(delivery);
            return;
        }

        var retry = functionError ? next.FunctionErrors : next.Attempts - next.FunctionErrors;
        var delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, (long)Math.Min(long.MaxValue, RetryDelay.Ticks * Math.Pow(2, retry - 1))));
        LogDeliveryRetry(delivery.EventId, delivery.Target.Arn, next.Attempts, reason);
        _queue.Retry(next, delay, cancellationToken);
    }

    // Under _gate (or in the constructor).
    private void SaveRules()
    {
        var rules = _rules.Values.OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new StoredRule(r.Name, r.EventPatternJson, r.State, r.Description, r.Targets))
            .ToArray();
        _rulesFile.Save(rules);
    }

    private void LoadRules()
    {
        foreach (var stored in _rulesFile.Load() ?? [])
        {
            EventPattern? pattern = null;
            if (stored.EventPattern is { } json)
            {
                try
                {
                    pattern = EventPattern.Parse(json);
                }
                catch (AwsServiceException e)
                {
                    LogRuleSkipped(stored.Name, e.Message);
                    continue;
                }
            }

            _rules[stored.Name] = new EventRule(stored.Name, RuleArn(stored.Name), stored.EventPattern, pattern, stored.State, stored.Description, stored.Targets);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "EventBridge: resumed {Count} deliveries accepted before the last stop, from {Directory}")]
    private partial void LogResumed(int count, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "EventBridge: a queued delivery cannot be read and is set aside: {Problem}")]
    private partial void LogUnreadable(string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "EventBridge: rule {Rule} in rules.json is skipped: {Reason}")]
    private partial void LogRuleSkipped(string rule, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} of rule {Rule} not delivered: LocalCloud delivers only to Lambda targets, not {Target}")]
    private partial void LogUnsupportedTarget(string eventId, string rule, string target);
}
