using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Sqs;

/// <summary>
/// LocalCloud's queues. With a <paramref name="stateFile"/> every change is saved to it and reloaded at start, so
/// queues and messages survive a restart; without one they live in memory only. One lock guards every queue because
/// a redrive moves a message between two of them; local traffic makes that, and saving whole, cheap enough.
/// </summary>
/// <param name="cloud">Region and account for ARNs and URLs.</param>
/// <param name="time">Send, visibility and retention times.</param>
/// <param name="stateFile">Where the queues are saved; null keeps them in memory.</param>
internal sealed class SqsQueueStore(LocalCloudOptions cloud, TimeProvider time, string? stateFile = null) : ISqsQueues
{
    /// <summary>The folder under the data directory.</summary>
    public const string Folder = "sqs";

    private static readonly string[] SettableAttributes =
        ["VisibilityTimeout", "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds", "DelaySeconds", "MaximumMessageSize", "RedrivePolicy", "Policy", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled", "RedriveAllowPolicy"];

    private readonly Lock _gate = new();
    private readonly StateDocument<SqsQueueSnapshot[]>? _document = Document(stateFile);
    private readonly Dictionary<string, SqsQueue> _queues = Load(Document(stateFile));

    public string Region => cloud.Region;

    public string AccountId => cloud.AccountId;

    /// <summary>Creates the queue, or accepts an existing one of the same settings; returns its name.</summary>
    public string Create(string? name, IReadOnlyDictionary<string, string>? attributes)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw SqsErrors.MissingParameter("QueueName");
        }

        if (name.Length > 80 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || name.EndsWith(".fifo", StringComparison.Ordinal))
        {
            throw SqsErrors.InvalidParameterValue("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length. LocalCloud does not serve FIFO queues.");
        }

        var settings = Parse(attributes ?? new Dictionary<string, string>());
        lock (_gate)
        {
            if (_queues.TryGetValue(name, out var existing))
            {
                return existing.Settings == settings ? name : throw SqsErrors.QueueAlreadyExists(name);
            }

            _queues[name] = new SqsQueue(name, ArnOf(name), settings, time.GetUtcNow());
            Save();
            return name;
        }
    }

    public IReadOnlyList<string> List(string? prefix)
    {
        lock (_gate)
        {
            return _queues.Keys.Where(n => prefix is null || n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(1000).ToArray();
        }
    }

    /// <summary>The queue's name, if it exists.</summary>
    public string Resolve(string? queue)
    {
        var name = NameOf(queue);
        lock (_gate)
        {
            return _queues.ContainsKey(name) ? name : throw SqsErrors.QueueDoesNotExist();
        }
    }

    public void Delete(string? queue)
    {
        var name = NameOf(queue);
        lock (_gate)
        {
            if (!_queues.Remove(name, out var removed))
            {
                throw SqsErrors.QueueDoesNotExist();
            }

            removed.SignalArrival();
            Save();
        }
    }

    public void Purge(string? queue)
    {
        lock (_gate)
        {
            Get(queue).Messages.Clear();
            Save();
        }
    }

    /// <summary>SetQueueAttributes: the given attributes replace the queue's, the others keep their values.</summary>
    public void SetAttributes(string? queue, IReadOnlyDictionary<string, string>? attributes)
    {
        SqsQueueSettings current;
        lock (_gate)
        {
            current = Get(queue).Settings;
        }

        var merged = AttributesOf(current);
        foreach (var (name, value) in attributes ?? new Dictionary<string, string>())
        {
            merged[name] = value;
        }

        // An empty RedrivePolicy removes the dead-letter queue, as in SQS.
        if (merged.TryGetValue("RedrivePolicy", out var policy) && policy.Length == 0)
        {
            merged.Remove("RedrivePolicy");
        }

        var settings = Parse(merged);
        lock (_gate)
        {
            Get(queue).Settings = settings;
            Save();
        }
    }

    public string GetQueueArn(string queue)
    {
        lock (_gate)
        {
            return Get(queue).Arn;
        }
    }

    public IReadOnlyDictionary<string, string> GetAttributes(string? queue, IReadOnlyCollection<string>? names)
    {
        lock (_gate)
        {
            var q = Get(queue);
            var now = time.GetUtcNow();
            Expire(q, now);
            var all = AttributesOf(q.Settings);
            all["QueueArn"] = q.Arn;
            all["ApproximateNumberOfMessages"] = Invariant(q.Messages.Count(m => m.VisibleAt <= now));
            all["ApproximateNumberOfMessagesNotVisible"] = Invariant(q.Messages.Count(m => m.VisibleAt > now && m.ReceiveCount > 0));
            all["ApproximateNumberOfMessagesDelayed"] = Invariant(q.Messages.Count(m => m.VisibleAt > now && m.ReceiveCount == 0));
            all["CreatedTimestamp"] = Invariant(q.CreatedAt.ToUnixTimeSeconds());
            all["LastModifiedTimestamp"] = Invariant(q.CreatedAt.ToUnixTimeSeconds());
            all["SqsManagedSseEnabled"] = "false";

            if (names is null || names.Count == 0)
            {
                return new Dictionary<string, string>();
            }

            if (names.Contains("All"))
            {
                return all;
            }

            var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var n in names)
            {
                if (all.TryGetValue(n, out var value))
                {
                    chosen[n] = value;
                }
                else if (!SettableAttributes.Contains(n))
                {
                    throw SqsErrors.InvalidAttributeName(n);
                }
            }

            return chosen;
        }
    }

    public Task<SqsSendResult> SendAsync(string queue, string body, IReadOnlyDictionary<string, SqsMessageAttribute>? attributes = null, int? delaySeconds = null, string? traceHeader = null, CancellationToken cancellationToken = default)
    {
        attributes ??= new Dictionary<string, SqsMessageAttribute>();
        lock (_gate)
        {
            var q = Get(queue);
            Validate(q, body, attributes, delaySeconds);
            var now = time.GetUtcNow();
            var message = new StoredMessage(Guid.NewGuid().ToString(), body, attributes, now, now.AddSeconds(delaySeconds ?? q.Settings.DelaySeconds), traceHeader);
            q.Messages.Add(message);
            q.SignalArrival();
            Save();
            return Task.FromResult(new SqsSendResult(message.Id, SqsChecksums.OfBody(body), SqsChecksums.OfAttributes(attributes)));
        }
    }

    public async Task<IReadOnlyList<SqsReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan? visibility, TimeSpan? wait, CancellationToken cancellationToken = default)
    {
        if (maxMessages is < 1 or > SqsLimits.MaxReceiveMessages)
        {
            throw SqsErrors.InvalidParameterValue($"Value {maxMessages} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
        }

        if (wait is { } w && (w < TimeSpan.Zero || w > TimeSpan.FromSeconds(SqsLimits.MaxWaitSeconds)))
        {
            throw SqsErrors.InvalidParameterValue($"Value {w.TotalSeconds} for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.");
        }

        if (visibility is { } v && (v < TimeSpan.Zero || v > TimeSpan.FromSeconds(SqsLimits.MaxVisibilitySeconds)))
        {
            throw SqsErrors.InvalidParameterValue($"Value {v.TotalSeconds} for parameter VisibilityTimeout is invalid. Reason: Must be >= 0 and <= 43200, if provided.");
        }

        DateTimeOffset deadline;
        lock (_gate)
        {
            deadline = time.GetUtcNow() + (wait ?? TimeSpan.FromSeconds(Get(queue).Settings.ReceiveMessageWaitTimeSeconds));
        }

        while (true)
        {
            Task arrival;
            DateTimeOffset wakeAt;
            lock (_gate)
            {
                var q = Get(queue);
                var now = time.GetUtcNow();
                var taken = Take(q, maxMessages, visibility, now);
                if (taken.Count > 0 || now >= deadline)
                {
                    return taken;
                }

                arrival = q.Arrival.Task;

                // A message coming back into view (visibility or delay ending) also ends the wait.
                var nextVisible = q.Messages.Count == 0 ? deadline : q.Messages.Min(m => m.VisibleAt);
                wakeAt = nextVisible < deadline ? nextVisible : deadline;
            }

            using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = wakeAt - time.GetUtcNow();
            await Task.WhenAny(arrival, Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, time, stopDelay.Token)).ConfigureAwait(false);
            await stopDelay.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public Task DeleteAsync(string queue, string receiptHandle, CancellationToken cancellationToken = default)
    {
        FaultInjection.Reached(FaultPoint.SqsMessageDeleted);
        lock (_gate)
        {
            var q = Get(queue);
            var messageId = MessageIdOf(q, receiptHandle);
            if (q.Messages.RemoveAll(m => m.Id == messageId) > 0)
            {
                Save();
            }

            return Task.CompletedTask;
        }
    }

    public void ChangeVisibility(string? queue, string? receiptHandle, int visibilityTimeout)
    {
        if (visibilityTimeout is < 0 or > SqsLimits.MaxVisibilitySeconds)
        {
            throw SqsErrors.InvalidParameterValue($"Value {visibilityTimeout} for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.");
        }

        lock (_gate)
        {
            var q = Get(queue);
            var messageId = MessageIdOf(q, receiptHandle);
            var now = time.GetUtcNow();
            var message = q.Messages.Find(m => m.Id == messageId);
            if (message is null || message.ReceiveCount == 0 || message.VisibleAt <= now)
            {
                throw SqsErrors.MessageNotInflight();
            }

            message.VisibleAt = now.AddSeconds(visibilityTimeout);
            Save();
            if (visibilityTimeout == 0)
            {
                q.SignalArrival();
            }
        }
    }

    private List<SqsReceivedMessage> Take(SqsQueue q, int max, TimeSpan? visibility, DateTimeOffset now)
    {
        Expire(q, now);
        var taken = new List<SqsReceivedMessage>();
        var moved = false;
        var invisibleFor = visibility ?? TimeSpan.FromSeconds(q.Settings.VisibilityTimeout);
        foreach (var message in q.Messages.Where(m => m.VisibleAt <= now).ToArray())
        {
            if (taken.Count == max)
            {
                break;
            }

            // AWS moves a message once a receive would exceed maxReceiveCount, instead of delivering it again.
            if (q.Settings.DeadLetterTargetArn is { } dlqArn && message.ReceiveCount >= q.Settings.MaxReceiveCount
                && _queues.TryGetValue(NameOf(dlqArn), out var deadLetters))
            {
                q.Messages.Remove(message);
                deadLetters.Messages.Add(new StoredMessage(message.Id, message.Body, message.Attributes, message.SentAt, now, message.TraceHeader));
                deadLetters.SignalArrival();
                moved = true;
                continue;
            }

            message.ReceiveCount++;
            message.FirstReceivedAt ??= now;
            message.VisibleAt = now + invisibleFor;
            message.ReceiptHandle = HandleFor(q, message);
            taken.Add(new SqsReceivedMessage(
                message.Id,
                message.ReceiptHandle,
                message.Body,
                SqsChecksums.OfBody(message.Body),
                message.Attributes,
                SqsChecksums.OfAttributes(message.Attributes),
                message.ReceiveCount,
                message.SentAt,
                message.FirstReceivedAt.Value,
                message.TraceHeader));
        }

        if (taken.Count > 0 || moved)
        {
            Save();
        }

        return taken;
    }

    private static StateDocument<SqsQueueSnapshot[]>? Document(string? stateFile) =>
        stateFile is null ? null : new(stateFile, SqsStateJsonContext.Default.SqsQueueSnapshotArray);

    private static Dictionary<string, SqsQueue> Load(StateDocument<SqsQueueSnapshot[]>? document)
    {
        var queues = new Dictionary<string, SqsQueue>(StringComparer.Ordinal);
        foreach (var snapshot in document?.Load() ?? [])
        {
            var queue = new SqsQueue(snapshot.Name, snapshot.Arn, snapshot.Settings, snapshot.CreatedAt);
            queue.Messages.AddRange(snapshot.Messages);
            queues[snapshot.Name] = queue;
        }

        return queues;
    }

    /// <summary>Called under the lock after every change.</summary>
    private void Save()
    {
        if (_document is not null)
        {
            _document.Save([.. _queues.Values.Select(q => new SqsQueueSnapshot(q.Name, q.Arn, q.Settings, q.CreatedAt, [.. q.Messages]))]);
        }
    }

    private static void Expire(SqsQueue q, DateTimeOffset now) =>
        q.Messages.RemoveAll(m => m.SentAt.AddSeconds(q.Settings.MessageRetentionPeriod) <= now);

    private static string HandleFor(SqsQueue q, StoredMessage message) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{q.Name} {message.Id} {Guid.NewGuid():N}"));

    /// <summary>The message id inside a handle this queue issued; anything else is ReceiptHandleIsInvalid.</summary>
    private static string MessageIdOf(SqsQueue q, string? receiptHandle)
    {
        if (string.IsNullOrEmpty(receiptHandle))
        {
            throw SqsErrors.MissingParameter("ReceiptHandle");
        }

        var bytes = new byte[receiptHandle.Length];
        if (!Convert.TryFromBase64String(receiptHandle, bytes, out var written))
        {
            throw SqsErrors.ReceiptHandleIsInvalid(receiptHandle);
        }

        var parts = Encoding.UTF8.GetString(bytes, 0, written).Split(' ');
        return parts.Length == 3 && parts[0] == q.Name ? parts[1] : throw SqsErrors.ReceiptHandleIsInvalid(receiptHandle);
    }

    private static void Validate(SqsQueue q, string? body, IReadOnlyDictionary<string, SqsMessageAttribute> attributes, int? delaySeconds)
    {
        if (string.IsNullOrEmpty(body))
        {
            throw SqsErrors.MissingParameter("MessageBody");
        }

        // SQS keeps only the characters XML can carry: anything else could not be received through the Query API.
        RequireXmlCharacters(body, "message body");
        foreach (var (name, value) in attributes)
        {
            RequireXmlCharacters(name, "message attribute name");
            RequireXmlCharacters(value.StringValue, "message attribute value");
        }

        var size = Encoding.UTF8.GetByteCount(body) + attributes.Sum(a =>
            Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value.DataType)
            + (a.Value.BinaryValue?.Length ?? Encoding.UTF8.GetByteCount(a.Value.StringValue ?? string.Empty)));
        if (size > q.Settings.MaximumMessageSize)
        {
            throw SqsErrors.InvalidParameterValue($"One or more parameters are invalid. Reason: Message must be shorter than {q.Settings.MaximumMessageSize} bytes.");
        }

        if (delaySeconds is < 0 or > 900)
        {
            throw SqsErrors.InvalidParameterValue($"Value {delaySeconds} for parameter DelaySeconds is invalid. Reason: must be >= 0 and <= 900.");
        }

        foreach (var (name, value) in attributes)
        {
            var kind = value.DataType.Split('.')[0];
            var valid = kind switch
            {
                "String" or "Number" => value.StringValue is not null,
                "Binary" => value.BinaryValue is not null,
                _ => false,
            };
            if (!valid)
            {
                throw SqsErrors.InvalidParameterValue($"The message attribute '{name}' has an invalid DataType or is missing its value.");
            }
        }
    }

    private static void RequireXmlCharacters(string? text, string where)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                throw SqsErrors.InvalidMessageContents($"#x{(int)rest[0]:X}", where);
            }

            if (rune.Value is not (0x9 or 0xA or 0xD) && rune.Value < 0x20 || rune.Value is 0xFFFE or 0xFFFF)
            {
                throw SqsErrors.InvalidMessageContents($"#x{rune.Value:X}", where);
            }

            rest = rest[consumed..];
        }
    }

    private SqsQueueSettings Parse(IReadOnlyDictionary<string, string> attributes)
    {
        foreach (var key in attributes.Keys)
        {
            if (!SettableAttributes.Contains(key))
            {
                throw SqsErrors.InvalidAttributeName(key);
            }
        }

        int Int(string name, int fallback, int min, int max)
        {
            if (!attributes.TryGetValue(name, out var text))
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw SqsErrors.InvalidAttributeValue($"Invalid value for the parameter {name}.");
        }

        string? redrive = attributes.GetValueOrDefault("RedrivePolicy");
        string? target = null;
        var maxReceives = 0;
        if (!string.IsNullOrEmpty(redrive))
        {
            try
            {
                using var document = JsonDocument.Parse(redrive);
                var root = document.RootElement;
                target = root.GetProperty("deadLetterTargetArn").GetString();
                var count = root.GetProperty("maxReceiveCount");
                maxReceives = count.ValueKind == JsonValueKind.String
                    ? int.Parse(count.GetString()!, CultureInfo.InvariantCulture)
                    : count.GetInt32();
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or OverflowException)
            {
                throw SqsErrors.InvalidAttributeValue("Value for parameter RedrivePolicy is invalid. Reason: Redrive policy is not a valid JSON map with deadLetterTargetArn and maxReceiveCount.");
            }

            if (target is null || maxReceives is < 1 or > 1000)
            {
                throw SqsErrors.InvalidAttributeValue("Value for parameter RedrivePolicy is invalid. Reason: Invalid value for maxReceiveCount: must be between 1 and 1000.");
            }

            lock (_gate)
            {
                if (!_queues.ContainsKey(NameOf(target)))
                {
                    throw SqsErrors.InvalidAttributeValue($"Value {redrive} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.");
                }
            }

            redrive = $"{{\"deadLetterTargetArn\":\"{target}\",\"maxReceiveCount\":{maxReceives}}}";
        }

        return new SqsQueueSettings(
            Int("VisibilityTimeout", 30, 0, SqsLimits.MaxVisibilitySeconds),
            Int("MessageRetentionPeriod", 345_600, 60, 1_209_600),
            Int("ReceiveMessageWaitTimeSeconds", 0, 0, SqsLimits.MaxWaitSeconds),
            Int("DelaySeconds", 0, 0, 900),
            Int("MaximumMessageSize", SqsLimits.MaxMessageBytes, 1024, SqsLimits.MaxMessageBytes),
            string.IsNullOrEmpty(redrive) ? null : redrive,
            target,
            maxReceives);
    }

    private SqsQueue Get(string? queue) =>
        _queues.TryGetValue(NameOf(queue), out var q) ? q : throw SqsErrors.QueueDoesNotExist();

    private string ArnOf(string name) => $"arn:aws:sqs:{cloud.Region}:{cloud.AccountId}:{name}";

    /// <summary>The name in a queue URL (…/account/name), an ARN (…:name) or a bare name.</summary>
    internal static string NameOf(string? queue)
    {
        if (string.IsNullOrEmpty(queue))
        {
            throw SqsErrors.MissingParameter("QueueUrl");
        }

        var trimmed = queue.TrimEnd('/');
        var cut = trimmed.StartsWith("arn:", StringComparison.Ordinal) ? trimmed.LastIndexOf(':') : trimmed.LastIndexOf('/');
        return cut < 0 ? trimmed : trimmed[(cut + 1)..];
    }

    /// <summary>The queue's settable attributes as the API spells them.</summary>
    private static Dictionary<string, string> AttributesOf(SqsQueueSettings settings)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["VisibilityTimeout"] = Invariant(settings.VisibilityTimeout),
            ["MessageRetentionPeriod"] = Invariant(settings.MessageRetentionPeriod),
            ["ReceiveMessageWaitTimeSeconds"] = Invariant(settings.ReceiveMessageWaitTimeSeconds),
            ["DelaySeconds"] = Invariant(settings.DelaySeconds),
            ["MaximumMessageSize"] = Invariant(settings.MaximumMessageSize),
        };
        if (settings.RedrivePolicy is { Length: > 0 } redrive)
        {
            attributes["RedrivePolicy"] = redrive;
        }

        return attributes;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
