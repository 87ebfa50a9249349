using System.Xml.Linq;
using Pipeline.LocalCloud.S3.Http;
using Pipeline.LocalCloud.Sqs;

namespace Pipeline.LocalCloud.S3.Notifications;

/// <summary>
/// The <c>NotificationConfiguration</c> document of Put/GetBucketNotificationConfiguration. Only queue destinations
/// are served; topic, Lambda and EventBridge destinations are refused with 501 rather than silently dropped.
/// </summary>
internal static class NotificationConfigurationXml
{
    private static readonly string[] UnsupportedDestinations =
        ["TopicConfiguration", "CloudFunctionConfiguration", "LambdaFunctionConfiguration", "EventBridgeConfiguration"];

    /// <summary>Reads and checks the document's own rules (events, filter rules); destinations are checked elsewhere.</summary>
    public static BucketNotificationConfiguration Parse(XDocument document)
    {
        var root = document.Root;
        if (root is null || root.Name.LocalName != "NotificationConfiguration")
        {
            throw S3Errors.MalformedXml();
        }

        var queues = new List<QueueNotification>();
        foreach (var element in root.Elements())
        {
            var name = element.Name.LocalName;
            if (name == "QueueConfiguration")
            {
                queues.Add(ParseQueue(element));
            }
            else if (UnsupportedDestinations.Contains(name))
            {
                throw new Hosting.AwsServiceException(
                    "NotImplemented",
                    $"LocalCloud delivers S3 event notifications to SQS queues only (QueueConfiguration); {name} is not supported locally.",
                    501);
            }
            else
            {
                throw S3Errors.MalformedXml();
            }
        }

        return new BucketNotificationConfiguration(queues);
    }

    public static XElement ToXml(BucketNotificationConfiguration configuration) =>
        S3Xml.Element("NotificationConfiguration", configuration.QueueConfigurations.Select(q => S3Xml.Element(
            "QueueConfiguration",
            S3Xml.Element("Id", q.Id),
            S3Xml.Element("Queue", q.QueueArn),
            q.Events.Select(e => S3Xml.Element("Event", e)),
            q.Prefix is null && q.Suffix is null
                ? null
                : S3Xml.Element("Filter", S3Xml.Element(
                    "S3Key",
                    q.Prefix is null ? null : S3Xml.Element("FilterRule", S3Xml.Element("Name", "Prefix"), S3Xml.Element("Value", q.Prefix)),
                    q.Suffix is null ? null : S3Xml.Element("FilterRule", S3Xml.Element("Name", "Suffix"), S3Xml.Element("Value", q.Suffix)))))));

    private static QueueNotification ParseQueue(XElement element)
    {
        var id = S3Xml.ChildValue(element, "Id");
        var queue = S3Xml.ChildValue(element, "Queue");
        if (string.IsNullOrEmpty(queue))
        {
            throw S3Errors.MalformedXml();
        }

        var events = S3Xml.Children(element, "Event").Select(e => e.Value.Trim()).ToList();
        if (events.Count == 0)
        {
            throw S3Errors.MalformedXml();
        }

        foreach (var name in events)
        {
            if (!NotificationEvents.Known.Contains(name))
            {
                throw S3Errors.InvalidArgument($"The event is not supported for notifications: {name}");
            }
        }

        string? prefix = null;
        string? suffix = null;
        var rules = S3Xml.Children(element, "Filter").SelectMany(f => S3Xml.Children(f, "S3Key")).SelectMany(k => S3Xml.Children(k, "FilterRule"));
        foreach (var rule in rules)
        {
            var ruleName = S3Xml.ChildValue(rule, "Name") ?? "";
            var value = S3Xml.ChildValue(rule, "Value") ?? "";
            if (ruleName.Equals("prefix", StringComparison.OrdinalIgnoreCase))
            {
                prefix = prefix is null ? value : throw S3Errors.InvalidArgument("Cannot specify more than one prefix rule in a filter.");
            }
            else if (ruleName.Equals("suffix", StringComparison.OrdinalIgnoreCase))
            {
                suffix = suffix is null ? value : throw S3Errors.InvalidArgument("Cannot specify more than one suffix rule in a filter.");
            }
            else
            {
                throw S3Errors.InvalidArgument("filter rule name must be either prefix or suffix");
            }
        }

        // S3 names configurations given without an Id itself.
        return new QueueNotification(string.IsNullOrEmpty(id) ? NewId() : id, queue.Trim(), events.Distinct(StringComparer.Ordinal).ToList(), NullIfEmpty(prefix), NullIfEmpty(suffix));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string NewId() => Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=');
}

/// <summary>The checks S3 makes across a whole configuration before accepting it.</summary>
internal static class NotificationRules
{
    /// <summary>
    /// Two configurations that could both select one event are refused: S3 does not deliver an event twice, and
    /// would not know which of them to apply.
    /// </summary>
    public static void CheckNoOverlap(BucketNotificationConfiguration configuration)
    {
        var all = configuration.QueueConfigurations;
        for (var i = 0; i < all.Count; i++)
        {
            for (var j = i + 1; j < all.Count; j++)
            {
                var (a, b) = (all[i], all[j]);
                var sameEvents = a.Events.Any(x => b.Events.Any(y => NotificationEvents.Overlap(x, y)));
                var prefixesOverlap = a.Prefix is null || b.Prefix is null
                    || a.Prefix.StartsWith(b.Prefix, StringComparison.Ordinal) || b.Prefix.StartsWith(a.Prefix, StringComparison.Ordinal);
                var suffixesOverlap = a.Suffix is null || b.Suffix is null
                    || a.Suffix.EndsWith(b.Suffix, StringComparison.Ordinal) || b.Suffix.EndsWith(a.Suffix, StringComparison.Ordinal);
                if (sameEvents && prefixesOverlap && suffixesOverlap)
                {
                    throw S3Errors.InvalidArgument("Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type.");
                }
            }
        }
    }

    /// <summary>Every destination must be an existing queue of this LocalCloud, as S3 checks it can send to each.</summary>
    public static void CheckDestinations(BucketNotificationConfiguration configuration, ISqsQueues? queues)
    {
        var failed = configuration.QueueConfigurations
            .Select(q => q.QueueArn)
            .Distinct(StringComparer.Ordinal)
            .Where(arn => !QueueExists(arn, queues))
            .ToList();
        if (failed.Count > 0)
        {
            throw S3Errors.InvalidArgument($"Unable to validate the following destination configurations: {string.Join(", ", failed)} (the destination queue does not exist).");
        }
    }

    private static bool QueueExists(string arn, ISqsQueues? queues)
    {
        var parts = arn.Split(':');
        if (queues is null || parts.Length != 6 || parts[0] != "arn" || parts[2] != "sqs")
        {
            return false;
        }

        try
        {
            return queues.GetQueueArn(parts[5]) == arn;
        }
        catch (Hosting.AwsServiceException)
        {
            return false;
        }
    }
}
