namespace Pipeline.LocalCloud.Sns;

/// <summary>SNS's limits that callers can observe.</summary>
public static class SnsLimits
{
    /// <summary>A message (with its attributes) is at most 256 KiB.</summary>
    public const int MaxMessageBytes = 256 * 1024;

    /// <summary>A subject is under 100 printable ASCII characters.</summary>
    public const int MaxSubjectLength = 100;

    /// <summary>Topic names are 1 to 256 characters.</summary>
    public const int MaxTopicNameLength = 256;

    /// <summary>Attempts on which a subscribed function ran and failed before the delivery is given up: Lambda's async invoke tries an event three times.</summary>
    public const int DeliveryAttempts = 3;
}
