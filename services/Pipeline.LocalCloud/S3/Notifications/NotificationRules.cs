using Pipeline.LocalCloud.Sqs;

namespace Pipeline.LocalCloud.S3.Notifications;

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
