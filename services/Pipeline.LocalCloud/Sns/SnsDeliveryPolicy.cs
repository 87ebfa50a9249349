namespace Pipeline.LocalCloud.Sns;

/// <summary>
/// SNS's default delivery policy for AWS-managed endpoints (Lambda, SQS), which applies when the endpoint cannot take a
/// message: 3 immediate retries, 2 one second apart, 10 with exponential backoff from 1 to 20 seconds, then 100,000
/// twenty seconds apart: 100,015 retries over about 23 days.
/// </summary>
internal static class SnsDeliveryPolicy
{
    public const int ImmediateRetries = 3;
    public const int PreBackoffRetries = 2;
    public const int BackoffRetries = 10;
    public const int PostBackoffRetries = 100_000;

    public static readonly TimeSpan MinDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);

    public static int MaxRetries => ImmediateRetries + PreBackoffRetries + BackoffRetries + PostBackoffRetries;

    /// <summary>The wait before retry <paramref name="retry"/> (1 for the first); null once the retries are spent.</summary>
    public static TimeSpan? Delay(int retry)
    {
        if (retry < 1 || retry > MaxRetries)
        {
            return null;
        }

        if (retry <= ImmediateRetries)
        {
            return TimeSpan.Zero;
        }

        if (retry <= ImmediateRetries + PreBackoffRetries)
        {
            return MinDelay;
        }

        var step = retry - ImmediateRetries - PreBackoffRetries;
        if (step <= BackoffRetries)
        {
            // From MinDelay at the first backoff retry to MaxDelay at the last, by a constant factor.
            var ratio = MaxDelay.TotalSeconds / MinDelay.TotalSeconds;
            return TimeSpan.FromSeconds(Math.Round(MinDelay.TotalSeconds * Math.Pow(ratio, (step - 1) / (double)(BackoffRetries - 1)), 3));
        }

        return MaxDelay;
    }
}
