namespace Pipeline.LocalCloud.Lambda;

/// <summary>
/// How LocalCloud runs functions. Bound from the <c>LocalCloud:Lambda</c> configuration section, e.g.
/// <c>--LocalCloud:Lambda:AsyncRetryDelay=00:00:01</c> on the command line.
/// </summary>
public sealed class LambdaOptions
{
    public const string Section = "LocalCloud:Lambda";

    /// <summary>Processes per function when it has no reserved concurrency; further invocations queue.</summary>
    public int DefaultConcurrency { get; set; } = 4;

    /// <summary>
    /// How long an invocation waits for a process that has just answered (and is about to ask for more) before a new
    /// process is started for it. Lambda would start one at once; locally a cold start costs far more than the wait.
    /// </summary>
    public TimeSpan WarmHandoffWait { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The wait before the first retry of a failed <c>Event</c> invocation; each later retry waits twice as long.
    /// Lambda waits one minute, then two.
    /// </summary>
    public TimeSpan AsyncRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Retries of a failed <c>Event</c> invocation (Lambda's default <c>MaximumRetryAttempts</c>).</summary>
    public int AsyncRetryAttempts { get; set; } = 2;

    /// <summary>
    /// The longest wait between two tries of a throttled <c>Event</c> invocation; the waits start at
    /// <see cref="AsyncRetryDelay"/> and double. Lambda backs off up to five minutes.
    /// </summary>
    public TimeSpan AsyncThrottleMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How old an <c>Event</c> invocation may get and still be tried (Lambda's default <c>MaximumEventAgeInSeconds</c>,
    /// six hours); it matters for events that waited in the queue while LocalCloud was down.
    /// </summary>
    public TimeSpan AsyncMaxEventAge { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How long a new process may take to ask for its first invocation, on top of the function's timeout (Lambda
    /// gives init 10 seconds, then retries it inside the invocation's own timeout).
    /// </summary>
    public TimeSpan InitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Between SIGTERM and SIGKILL when a process is stopped.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(2);
}
