using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda;
using Pipeline.LocalCloud.Sqs;
using Pipeline.LocalCloud.Storage;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.LocalCloud.Sns;

/// <summary>
/// LocalCloud's SNS: topics and subscriptions kept in <c>&lt;data dir&gt;/sns/topics.json</c>, every published message
/// appended to <c>&lt;data dir&gt;/sns/&lt;topic&gt;/messages.jsonl</c> so a user can read what would have been emailed,
/// and each message for a Lambda or SQS subscription written to <c>&lt;data dir&gt;/sns/deliveries.queue/</c> before
/// Publish answers and removed once delivered or given up, so a restart, even after a crash, delivers it: at least
/// once, as SNS does.
/// </summary>
/// <remarks>
/// An endpoint that cannot take a message (no such queue, LocalCloud without Lambda, …) is retried on SNS's delivery
/// policy for AWS-managed endpoints (<see cref="SnsDeliveryPolicy"/>); a function that does not exist is not retried.
/// SNS hands messages to Lambda asynchronously and Lambda then tries a failing function three times in all; LocalCloud
/// invokes the function directly, so a function error counts towards those <see cref="SnsLimits.DeliveryAttempts"/>,
/// <see cref="RetryDelay"/> apart and doubling.
/// </remarks>
internal sealed partial class SnsService : ISnsMessages
{
    public const string Folder = "sns";

    // Topic names have no dot, so neither can be a topic's folder.
    private const string StateFile = "topics.json";
    private const string QueueFolder = "deliveries.queue";

    private readonly ConcurrentDictionary<string, string> _topics = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SnsSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly object _fileGate = new();
    private readonly Lock _stateGate = new();
    private readonly LocalCloudOptions _cloud;
    private readonly Func<IFunctionInvoker> _invoker;
    private readonly Func<ISqsQueues> _queues;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DeliveryQueue<SnsDelivery> _queue;

    /// <param name="cloud">Data directory, region and account.</param>
    /// <param name="invoker">Resolved at the first Lambda delivery.</param>
    /// <param name="queues">Resolved at the first SQS delivery.</param>
    /// <param name="time">Message timestamps and retry delays.</param>
    /// <param name="logger">Publishes and failed deliveries.</param>
    public SnsService(LocalCloudOptions cloud, Func<IFunctionInvoker> invoker, Func<ISqsQueues> queues, TimeProvider time, ILogger<SnsService> logger)
    {
        _cloud = cloud;
        _invoker = invoker;
        _queues = queues;
        _time = time;
        _logger = logger;
        Root = Path.Combine(cloud.DataDirectory, Folder);
        Directory.CreateDirectory(Root);
        LoadState();
        _queue = new DeliveryQueue<SnsDelivery>(Path.Combine(Root, QueueFolder), SnsJsonContext.Default.SnsDelivery, time);
        foreach (var problem in _queue.Unreadable)
        {
            LogUnreadable(problem);
        }
    }

    /// <summary><c>&lt;data dir&gt;/sns</c>.</summary>
    public string Root { get; }

    public string AccountId => _cloud.AccountId;

    /// <summary>Delay before a second Lambda attempt; doubled before each later one.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public string TopicArn(string name) => $"arn:aws:sns:{_cloud.Region}:{_cloud.AccountId}:{name}";

    /// <summary>Creates a topic, or answers the existing one's ARN: CreateTopic is idempotent.</summary>
    public string CreateTopic(string? name)
    {
        if (name is null || name.Length is < 1 or > SnsLimits.MaxTopicNameLength || !TopicName().IsMatch(name))
        {
            throw InvalidParameter("Topic Name");
        }

        lock (_stateGate)
        {
            if (_topics.TryGetValue(name, out var known))
            {
                return known;
            }

            _topics[name] = TopicArn(name);
            SaveState();
            return _topics[name];
        }
    }

    public IReadOnlyList<string> ListTopics() => _topics.Values.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Deletes a topic and its subscriptions; its messages.jsonl stays for the user. Unknown topics succeed, as in AWS.</summary>
    public void DeleteTopic(string? arn)
    {
        var name = NameOf(arn);
        lock (_stateGate)
        {
            if (_topics.TryRemove(name, out _))
            {
                foreach (var subscription in _subscriptions.Values.Where(s => s.TopicArn == arn))
                {
                    _subscriptions.TryRemove(subscription.SubscriptionArn, out _);
                }

                SaveState();
            }
        }
    }

    public IReadOnlyDictionary<string, string> GetTopicAttributes(string? arn)
    {
        var topic = Topic(arn);
        var subscriptions = Subscriptions(topic).Count;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TopicArn"] = topic,
            ["Owner"] = _cloud.AccountId,
            ["DisplayName"] = string.Empty,
            ["SubscriptionsConfirmed"] = subscriptions.ToString(CultureInfo.InvariantCulture),
            ["SubscriptionsPending"] = "0",
            ["SubscriptionsDeleted"] = "0",
        };
    }

    /// <summary>
    /// Subscribes an email, email-json or lambda endpoint. AWS holds email subscriptions as "pending confirmation"
    /// until the recipient clicks a link; LocalCloud sends no mail, so it confirms them at once and records each
    /// message in messages.jsonl instead.
    /// </summary>
    public string Subscribe(string? topicArn, string? protocol, string? endpoint)
    {
        var topic = Topic(topicArn);
        if (string.IsNullOrEmpty(endpoint))
        {
            throw InvalidParameter("Endpoint");
        }

        switch (protocol)
        {
            case "email" or "email-json":
                if (!endpoint.Contains('@', StringComparison.Ordinal))
                {
                    throw InvalidParameter("Email address");
                }

                break;
            case "lambda":
                if (!endpoint.StartsWith("arn:aws:lambda:", StringComparison.Ordinal))
                {
                    throw InvalidParameter("Lambda endpoint ARN");
                }

                break;
            case "sqs":
                if (!endpoint.StartsWith("arn:aws:sqs:", StringComparison.Ordinal))
                {
                    throw InvalidParameter("SQS endpoint ARN");
                }

                break;
            default:
                throw InvalidParameter($"Invalid protocol type: {protocol}. LocalCloud supports email, email-json, lambda and sqs");
        }

        lock (_stateGate)
        {
            var existing = _subscriptions.Values.FirstOrDefault(s => s.TopicArn == topic && s.Protocol == protocol && s.Endpoint == endpoint);
            if (existing is not null)
            {
                return existing.SubscriptionArn;
            }

            var subscription = new SnsSubscription($"{topic}:{Guid.NewGuid()}", topic, protocol, endpoint);
            _subscriptions[subscription.SubscriptionArn] = subscription;
            SaveState();
            return subscription.SubscriptionArn;
        }
    }

    public IReadOnlyList<SnsSubscription> ListSubscriptionsByTopic(string? topicArn) => Subscriptions(Topic(topicArn));

    /// <summary>Removes a subscription; an unknown one is NotFound.</summary>
    public void Unsubscribe(string? subscriptionArn)
    {
        lock (_stateGate)
        {
            if (subscriptionArn is null || !_subscriptions.TryRemove(subscriptionArn, out _))
            {
                throw new AwsServiceException("NotFound", "Subscription does not exist", 404);
            }

            SaveState();
        }
    }

    /// <summary>Checks the limits, records the message, queues Lambda deliveries; the message id.</summary>
    public string Publish(string? topicArn, string? message, string? subject, IReadOnlyDictionary<string, SnsMessageAttribute> attributes)
    {
        if (string.IsNullOrEmpty(message))
        {
            throw InvalidParameter("Empty message");
        }

        var size = Encoding.UTF8.GetByteCount(message) + attributes.Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value.Type) + Encoding.UTF8.GetByteCount(a.Value.Value));
        if (size > SnsLimits.MaxMessageBytes)
        {
            throw InvalidParameter("Message too long");
        }

        if (subject is not null && (subject.Length is 0 or >= SnsLimits.MaxSubjectLength || subject.Any(c => c is < ' ' or > '~')))
        {
            throw InvalidParameter("Subject");
        }

        var topic = Topic(topicArn);
        var subscriptions = Subscriptions(topic);
        var id = Guid.NewGuid().ToString();
        var timestamp = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var emails = subscriptions.Where(s => s.Protocol is "email" or "email-json").Select(s => s.Endpoint).ToArray();
        var stored = new SnsMessage(id, topic, subject, message, timestamp, emails, attributes.Count == 0 ? null : attributes);
        Append(NameOf(topic), stored);
        foreach (var subscription in subscriptions)
        {
            var payload = subscription.Protocol switch
            {
                "lambda" => LambdaEvent(stored, subscription.SubscriptionArn),
                "sqs" => Notification(stored),
                _ => null,
            };
            if (payload is not null)
            {
                _queue.Add(new SnsDelivery(id, subscription.Protocol, subscription.Endpoint, payload));
            }
        }

        LogPublished(id, topic, emails.Length, subscriptions.Count - emails.Length);
        return id;
    }

    /// <inheritdoc />
    public IReadOnlyList<SnsMessage> Read(string topicName)
    {
        var path = Path.Combine(Root, topicName, "messages.jsonl");
        lock (_fileGate)
        {
            if (!File.Exists(path))
            {
                return [];
            }

            return File.ReadAllLines(path)
                .Where(l => l.Length > 0)
                .Select(l => JsonSerializer.Deserialize(l, SnsJsonContext.Default.SnsMessage)!)
                .ToArray();
        }
    }

    /// <summary>
    /// Delivers to Lambda and SQS subscriptions until cancelled; the hosted service runs it. The first run also takes
    /// up the deliveries an earlier LocalCloud left in the queue folder, each when its next attempt is due.
    /// </summary>
    public Task RunDeliveriesAsync(CancellationToken cancellationToken) =>
        _queue.RunAsync(DeliverAsync, count => LogResumed(count, _queue.Directory), cancellationToken);

    // One attempt; a failure is retried on SNS's delivery policy.
    private async Task DeliverAsync(SnsDelivery delivery, CancellationToken cancellationToken)
    {
        // As SNS does with active tracing: the delivery continues the publisher's trace, to a queue as its
        // AWSTraceHeader and to a function as Lambda's trace header.
        using var activity = SnsTelemetry.Source.StartActivity("SNS deliver", ActivityKind.Producer, delivery.Publisher);
        activity?.SetTag("aws.sns.message_id", delivery.MessageId);
        activity?.SetTag("aws.sns.endpoint", delivery.Endpoint);
        activity?.SetTag("aws.sns.attempt", delivery.Attempts + 1);
        string reason;
        var functionError = false;
        var retriable = true;
        try
        {
            if (delivery.Protocol == "sqs")
            {
                await _queues().SendAsync(delivery.Endpoint, delivery.Payload, traceHeader: XRayTraceHeader.FromCurrent(), cancellationToken: cancellationToken).ConfigureAwait(false);
                _queue.Done(delivery);
                return;
            }

            var result = await _invoker().InvokeAsync(delivery.Endpoint, Encoding.UTF8.GetBytes(delivery.Payload), cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
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
        catch (AwsServiceException e) when (delivery.Protocol == "lambda" && e.Code == "ResourceNotFoundException")
        {
            reason = e.Message;
            retriable = false;
        }
        catch (Exception e)
        {
            reason = e.Message;
        }

        var next = delivery with { Attempts = delivery.Attempts + 1, FunctionErrors = delivery.FunctionErrors + (functionError ? 1 : 0) };
        TimeSpan? delay = !retriable ? null
            : functionError ? (next.FunctionErrors < SnsLimits.DeliveryAttempts ? RetryDelay * Math.Pow(2, next.FunctionErrors - 1) : null)
            : SnsDeliveryPolicy.Delay(next.Attempts - next.FunctionErrors);
        if (delay is not { } wait)
        {
            activity?.SetStatus(ActivityStatusCode.Error, reason);
            LogDeliveryFailed(delivery.MessageId, delivery.Endpoint, next.Attempts, reason);
            _queue.Done(delivery);
            return;
        }

        if (next.Attempts == 1)
        {
            LogDeliveryRetry(delivery.MessageId, delivery.Endpoint, reason);
        }

        _queue.Retry(next, wait, cancellationToken);
    }

    // Under _stateGate.
    private void SaveState()
    {
        var state = new SnsState(
            _topics.Keys.Order(StringComparer.Ordinal).ToArray(),
            _subscriptions.Values.OrderBy(s => s.SubscriptionArn, StringComparer.Ordinal).ToArray());
        StateDocument().Save(state);
    }

    private StateDocument<SnsState> StateDocument() => new(Path.Combine(Root, StateFile), SnsJsonContext.Default.SnsState);

    private void LoadState()
    {
        var state = StateDocument().Load();
        foreach (var name in state?.Topics ?? [])
        {
            _topics[name] = TopicArn(name);
        }

        foreach (var subscription in state?.Subscriptions ?? [])
        {
            _subscriptions[subscription.SubscriptionArn] = subscription;
        }
    }

    private void Append(string topicName, SnsMessage message)
    {
        var directory = Path.Combine(Root, topicName);
        var line = JsonSerializer.Serialize(message, SnsJsonContext.Default.SnsMessage) + "\n";
        lock (_fileGate)
        {
            Directory.CreateDirectory(directory);
            File.AppendAllText(Path.Combine(directory, "messages.jsonl"), line);
        }
    }

    // What SNS sends an SQS subscriber without raw message delivery: the notification document as the body.
    private static string Notification(SnsMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteNotification(writer, message);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteNotification(Utf8JsonWriter writer, SnsMessage message)
    {
        writer.WriteString("Type", "Notification");
        writer.WriteString("MessageId", message.MessageId);
        writer.WriteString("TopicArn", message.TopicArn);
        if (message.Subject is null)
        {
            writer.WriteNull("Subject");
        }
        else
        {
            writer.WriteString("Subject", message.Subject);
        }

        writer.WriteString("Message", message.Message);
        writer.WriteString("Timestamp", message.Timestamp);
        writer.WriteStartObject("MessageAttributes");
        foreach (var (name, attribute) in message.MessageAttributes ?? new Dictionary<string, SnsMessageAttribute>())
        {
            writer.WriteStartObject(name);
            writer.WriteString("Type", attribute.Type);
            writer.WriteString("Value", attribute.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static string LambdaEvent(SnsMessage message, string subscriptionArn)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Records");
            writer.WriteStartObject();
            writer.WriteString("EventSource", "aws:sns");
            writer.WriteString("EventVersion", "1.0");
            writer.WriteString("EventSubscriptionArn", subscriptionArn);
            writer.WriteStartObject("Sns");
            WriteNotification(writer, message);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private IReadOnlyList<SnsSubscription> Subscriptions(string topicArn) =>
        _subscriptions.Values.Where(s => s.TopicArn == topicArn).OrderBy(s => s.SubscriptionArn, StringComparer.Ordinal).ToArray();

    private string Topic(string? arn) =>
        _topics.TryGetValue(NameOf(arn), out var known) && known == arn ? known : throw new AwsServiceException("NotFound", "Topic does not exist", 404);

    private static string NameOf(string? arn)
    {
        if (arn is null || !arn.StartsWith("arn:aws:sns:", StringComparison.Ordinal))
        {
            throw InvalidParameter("TopicArn");
        }

        return arn[(arn.LastIndexOf(':') + 1)..];
    }

    private static AwsServiceException InvalidParameter(string what) => new("InvalidParameter", $"Invalid parameter: {what}");

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex TopicName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {MessageId} to {Topic}: {Emails} email recipients, {Functions} functions")]
    private partial void LogPublished(string messageId, string topic, int emails, int functions);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up delivering SNS message {MessageId} to {Endpoint} after {Attempts} attempts: {Reason}")]
    private partial void LogDeliveryFailed(string messageId, string endpoint, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering SNS message {MessageId} to {Endpoint} failed, retrying: {Reason}")]
    private partial void LogDeliveryRetry(string messageId, string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "SNS: resumed {Count} deliveries accepted before the last stop, from {Directory}")]
    private partial void LogResumed(int count, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "SNS: a queued delivery cannot be read and is set aside: {Problem}")]
    private partial void LogUnreadable(string problem);
}
