namespace Pipeline.Aws.Core;

/// <summary>
/// Which failures are worth another attempt and how long to wait first: throttling, HTTP 5xx and transient
/// transport failures are retried with capped exponential backoff and full jitter, as AWS's "standard" retry mode
/// does; everything else (validation, missing resources, access) fails at once, and cancellation is never retried.
/// </summary>
public sealed class AwsRetryPolicy
{
    private readonly Func<double> _jitter;

    /// <summary>Creates a policy.</summary>
    /// <param name="maxAttempts">Attempts including the first; at least 1.</param>
    /// <param name="baseBackoff">The first retry's backoff ceiling.</param>
    /// <param name="maxBackoff">The cap on any backoff.</param>
    /// <param name="jitter">Returns a value in [0, 1) that scales each ceiling.</param>
    public AwsRetryPolicy(int maxAttempts, TimeSpan baseBackoff, TimeSpan maxBackoff, Func<double> jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseBackoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBackoff, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(jitter);
        MaxAttempts = maxAttempts;
        BaseBackoff = baseBackoff;
        MaxBackoff = maxBackoff;
        _jitter = jitter;
    }

    /// <summary>Attempts including the first.</summary>
    public int MaxAttempts { get; }

    /// <summary>The first retry's backoff ceiling.</summary>
    public TimeSpan BaseBackoff { get; }

    /// <summary>The cap on any backoff.</summary>
    public TimeSpan MaxBackoff { get; }

    /// <summary>The policy <paramref name="options"/> describe.</summary>
    public static AwsRetryPolicy From(AwsClientOptions options) =>
        new(options.MaxAttempts, options.BaseBackoff, options.MaxBackoff, options.Jitter);

    /// <summary>True when <paramref name="error"/> is transient and the caller has not cancelled.</summary>
    public static bool IsRetryable(Exception error, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        return error switch
        {
            AwsServiceException e => e.IsThrottling || e.IsServerError || IsTransientCode(e.ErrorCode),
            HttpRequestException => true,
            // HttpClient reports its own timeout as a cancellation the caller did not ask for.
            OperationCanceledException => true,
            _ => false,
        };
    }

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1 for the first retry):
    /// <c>jitter × min(MaxBackoff, BaseBackoff × 2^(retry-1))</c>.
    /// </summary>
    public TimeSpan GetBackoff(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        // Doubling in double space cannot overflow the way TimeSpan arithmetic would after ~60 retries.
        var ceilingTicks = Math.Min(MaxBackoff.Ticks, BaseBackoff.Ticks * Math.Pow(2, retry - 1));
        var jitter = Math.Clamp(_jitter(), 0d, 1d);
        return TimeSpan.FromTicks((long)(ceilingTicks * jitter));
    }

    // The SDKs' transient codes: the service timed out reading the request, so the request never took effect.
    private static bool IsTransientCode(string code) => code is "RequestTimeout" or "RequestTimeoutException";
}
