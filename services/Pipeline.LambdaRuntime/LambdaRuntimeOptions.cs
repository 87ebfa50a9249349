namespace Pipeline.LambdaRuntime;

/// <summary>How <see cref="LambdaBootstrap"/> runs a function. Every property has a default fit for Lambda.</summary>
public sealed record LambdaRuntimeOptions
{
    /// <summary>Lambda's limit on a synchronous response: 6 MB (6,291,456 bytes).</summary>
    public const int LambdaMaxResponseBytes = 6_291_456;

    /// <summary>Names the invocation spans; defaults to <c>AWS_LAMBDA_FUNCTION_NAME</c>.</summary>
    public string? FunctionName { get; init; }

    /// <summary>What invokes the function, for the <c>faas.trigger</c> span attribute.</summary>
    public FaasTrigger Trigger { get; init; } = FaasTrigger.Other;

    /// <summary>
    /// Runs after each invocation has been answered and before the runtime asks for the next one, when Lambda may
    /// freeze the process: the place for <c>telemetry.Flush()</c>. An exception from it is logged, not fatal.
    /// </summary>
    public Action? AfterInvocation { get; init; }

    /// <summary>
    /// How long before the deadline the handler's token is cancelled, leaving time to report. Lambda kills the
    /// process at the deadline, so whatever is not posted by then is lost.
    /// </summary>
    public TimeSpan DeadlineMargin { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long after cancelling the token the runtime waits for the handler before it reports a timeout.
    /// Must be shorter than <see cref="DeadlineMargin"/>.
    /// </summary>
    public TimeSpan TimeoutGracePeriod { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A larger response is reported as <see cref="LambdaErrorTypes.ResponseSizeTooLarge"/> instead of posted.</summary>
    public int MaxResponseBytes { get; init; } = LambdaMaxResponseBytes;

    /// <summary>Where <c>AWS_LAMBDA_*</c> are read and <c>_X_AMZN_TRACE_ID</c> is written.</summary>
    public IEnvironmentVariables Environment { get; init; } = ProcessEnvironmentVariables.Instance;

    /// <summary>The clock for deadlines and <see cref="LambdaContext.RemainingTime"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the runtime writes its own diagnostics; stderr, which Lambda sends to CloudWatch Logs.</summary>
    public TextWriter Log { get; init; } = Console.Error;

    /// <summary>Sends the Runtime API requests; null uses a handler of the runtime's own (no proxy, no timeout).</summary>
    public HttpMessageHandler? HttpHandler { get; init; }
}
