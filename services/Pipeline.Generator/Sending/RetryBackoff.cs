namespace Pipeline.Generator.Sending;

/// <summary>
/// Capped exponential backoff with "equal jitter": half the delay is fixed, half random, so retries of many batches
/// spread out instead of hitting a throttled stream together, and no retry is immediate.
/// </summary>
internal sealed class RetryBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Random jitter)
{
    /// <summary>The wait before attempt <paramref name="attempt"/> + 1, after <paramref name="attempt"/> failed.</summary>
    public TimeSpan After(int attempt)
    {
        var exponential = baseDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, maxDelay.Ticks);
        return TimeSpan.FromTicks((long)(capped / 2 + jitter.NextDouble() * capped / 2));
    }
}
