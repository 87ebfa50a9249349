using System.Diagnostics;
using System.Globalization;

using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.LambdaRuntime;

/// <summary>
/// Asks for an event, runs the handler against the deadline, posts the response or the error, and asks again, until
/// it is stopped or the Runtime API fails.
/// </summary>
internal sealed class InvocationLoop
{
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    private readonly LambdaRuntimeClient _client;
    private readonly Func<ReadOnlyMemory<byte>, LambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>> _handler;
    private readonly LambdaRuntimeOptions _options;
    private readonly FunctionSettings _function;
    private bool _coldStart = true;

    public InvocationLoop(
        LambdaRuntimeClient client,
        Func<ReadOnlyMemory<byte>, LambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>> handler,
        LambdaRuntimeOptions options,
        FunctionSettings function)
    {
        _client = client;
        _handler = handler;
        _options = options;
        _function = function;
    }

    public async Task<LambdaExitCode> RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            LambdaInvocation invocation;
            try
            {
                invocation = await _client.GetNextInvocationAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (LambdaRuntimeApiException e)
            {
                Write($"Exiting: {e.Message}");
                return LambdaExitCode.RuntimeApiFailed;
            }

            try
            {
                await ProcessAsync(invocation, stopping).ConfigureAwait(false);
            }
            catch (LambdaRuntimeApiException e)
            {
                Write($"Exiting after invocation {invocation.RequestId}: {e.Message}");
                return LambdaExitCode.RuntimeApiFailed;
            }
            finally
            {
                AfterInvocation();
            }
        }

        return LambdaExitCode.Stopped;
    }

    private async Task ProcessAsync(LambdaInvocation invocation, CancellationToken stopping)
    {
        // Null removes it, so one invocation's trace never leaks into the next.
        _options.Environment.Set(LambdaEnvironmentVariables.TraceId, invocation.TraceId);
        var context = new LambdaContext
        {
            AwsRequestId = invocation.RequestId,
            Deadline = invocation.Deadline ?? DateTimeOffset.MaxValue,
            InvokedFunctionArn = invocation.InvokedFunctionArn,
            TraceId = invocation.TraceId,
            ClientContext = invocation.ClientContext,
            CognitoIdentity = invocation.CognitoIdentity,
            FunctionName = _function.FunctionName,
            FunctionVersion = _function.FunctionVersion,
            MemoryLimitInMB = _function.MemoryLimitInMB,
            LogGroupName = _function.LogGroupName,
            LogStreamName = _function.LogStreamName,
            TimeProvider = _options.TimeProvider,
        };

        using var activity = StartActivity(invocation);
        var started = _options.TimeProvider.GetTimestamp();
        var outcome = await InvokeAsync(invocation, context, stopping).ConfigureAwait(false);
        LambdaRuntimeTelemetry.InvokeDuration.Record(
            _options.TimeProvider.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>(LambdaRuntimeTelemetry.TriggerAttribute, LambdaRuntimeTelemetry.ToAttributeValue(_options.Trigger)),
            new KeyValuePair<string, object?>(LambdaRuntimeTelemetry.ErrorTypeAttribute, outcome.Error?.ErrorType));
        if (outcome.Error is null && outcome.Response.Length > _options.MaxResponseBytes)
        {
            outcome = InvocationOutcome.Failed(new LambdaError(
                $"Response payload size ({outcome.Response.Length} bytes) exceeded maximum allowed payload size ({_options.MaxResponseBytes} bytes).",
                LambdaErrorTypes.ResponseSizeTooLarge));
        }

        try
        {
            outcome = await PostAsync(invocation, outcome).ConfigureAwait(false);
        }
        catch (LambdaRuntimeApiException e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            activity?.AddException(e);
            throw;
        }

        Record(activity, outcome);
    }

    private async Task<InvocationOutcome> PostAsync(LambdaInvocation invocation, InvocationOutcome outcome)
    {
        // Answers are posted even when stopping: the invocation is already ours, and Lambda waits for it.
        if (outcome.Error is null)
        {
            var status = await _client.PostResponseAsync(invocation.RequestId, outcome.Response, CancellationToken.None).ConfigureAwait(false);
            if (status == LambdaPostStatus.PayloadTooLarge)
            {
                outcome = InvocationOutcome.Failed(new LambdaError(
                    $"The Lambda Runtime API rejected the response ({outcome.Response.Length} bytes) as too large (413).",
                    LambdaErrorTypes.ResponseSizeTooLarge));
            }
            else if (status == LambdaPostStatus.Rejected)
            {
                Write($"Invocation {invocation.RequestId}: the Runtime API rejected the response.");
            }
        }

        if (outcome.Error is { } error)
        {
            Write($"Invocation {invocation.RequestId} failed: {error.ErrorType}: {outcome.Exception?.ToString() ?? error.ErrorMessage}");
            var status = await _client.PostInvocationErrorAsync(invocation.RequestId, error, CancellationToken.None).ConfigureAwait(false);
            if (status != LambdaPostStatus.Accepted)
            {
                Write($"Invocation {invocation.RequestId}: the Runtime API did not accept the error ({status}).");
            }
        }

        return outcome;
    }

    private async Task<InvocationOutcome> InvokeAsync(LambdaInvocation invocation, LambdaContext context, CancellationToken stopping)
    {
        var time = _options.TimeProvider;
        var received = time.GetUtcNow();
        using var deadlineCancellation = invocation.Deadline is { } deadline
            ? new CancellationTokenSource(Delay(deadline - _options.DeadlineMargin - received), time)
            : new CancellationTokenSource();
        using var handlerCancellation = CancellationTokenSource.CreateLinkedTokenSource(deadlineCancellation.Token, stopping);
        using var stopWaiting = new CancellationTokenSource();

        // Both timers exist before the handler starts, so a clock that jumps the moment the handler runs is still seen.
        var giveUp = invocation.Deadline is { } end
            ? Task.Delay(Delay(end - _options.DeadlineMargin + _options.TimeoutGracePeriod - received), time, stopWaiting.Token)
            : Task.Delay(Timeout.InfiniteTimeSpan, stopWaiting.Token);

        // Task.Run so a handler that blocks synchronously cannot hold the loop past the deadline.
        var handling = Task.Run(() => _handler(invocation.Body, context, handlerCancellation.Token), CancellationToken.None);
        var first = await Task.WhenAny(handling, giveUp).ConfigureAwait(false);
        await stopWaiting.CancelAsync().ConfigureAwait(false);

        if (first != handling)
        {
            // Nothing can stop it; in AWS the sandbox is reset anyway. Its eventual fault must not go unobserved.
            _ = handling.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return TimedOut(invocation, received);
        }

        try
        {
            return InvocationOutcome.Responded(await handling.ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (deadlineCancellation.IsCancellationRequested)
        {
            return TimedOut(invocation, received);
        }
        catch (OperationCanceledException e) when (stopping.IsCancellationRequested)
        {
            return InvocationOutcome.Failed(LambdaError.FromException(e, LambdaErrorTypes.Stopping) with { ErrorMessage = "The runtime is stopping; the handler was cancelled." }, e);
        }
        catch (LambdaSerializationException e)
        {
            return InvocationOutcome.Failed(LambdaError.FromException(e, LambdaErrorTypes.SerializationError), e);
        }
        catch (Exception e)
        {
            return InvocationOutcome.Failed(LambdaError.FromException(e), e);
        }
    }

    private static InvocationOutcome TimedOut(LambdaInvocation invocation, DateTimeOffset received)
    {
        var seconds = Math.Max(0, (invocation.Deadline!.Value - received).TotalSeconds);
        return InvocationOutcome.Failed(new LambdaError(
            string.Create(CultureInfo.InvariantCulture, $"Task timed out after {seconds:F2} seconds"),
            LambdaErrorTypes.Timeout));
    }

    // Timers take at most uint.MaxValue - 1 ms (~49 days); a deadline further away than that is no deadline at all.
    private static TimeSpan Delay(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? TimeSpan.Zero : delay > MaxTimerDelay ? MaxTimerDelay : delay;

    private Activity? StartActivity(LambdaInvocation invocation)
    {
        // Lambda's trace header (X-Ray format) names the caller's trace and span: the invocation continues it, as the
        // OpenTelemetry Lambda layers do. Without one the span is a root; handlers link it to the traces their records
        // carry. Activity.Current is async-local, so clearing it here does not reach the caller.
        Activity.Current = null;
        var parent = XRayTraceHeader.TryParse(invocation.TraceId, out var caller) ? caller : default;
        var activity = LambdaRuntimeTelemetry.Source.StartActivity(_function.SpanName, ActivityKind.Server, parent);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(LambdaRuntimeTelemetry.InvocationIdAttribute, invocation.RequestId);
        activity.SetTag(LambdaRuntimeTelemetry.TriggerAttribute, LambdaRuntimeTelemetry.ToAttributeValue(_options.Trigger));
        activity.SetTag(LambdaRuntimeTelemetry.ColdStartAttribute, _coldStart);
        activity.SetTag(LambdaRuntimeTelemetry.ProviderAttribute, "aws");
        if (invocation.InvokedFunctionArn is { } arn)
        {
            activity.SetTag(LambdaRuntimeTelemetry.ResourceIdAttribute, arn);
        }

        if (invocation.TraceId is { } traceId)
        {
            activity.SetTag(LambdaRuntimeTelemetry.XRayTraceHeaderAttribute, traceId);
        }

        _coldStart = false;
        return activity;
    }

    private static void Record(Activity? activity, InvocationOutcome outcome)
    {
        if (activity is null)
        {
            return;
        }

        if (outcome.Error is { } error)
        {
            activity.SetTag(LambdaRuntimeTelemetry.ErrorTypeAttribute, error.ErrorType);
            activity.SetStatus(ActivityStatusCode.Error, error.ErrorMessage);
            if (outcome.Exception is { } exception)
            {
                activity.AddException(exception);
            }
        }
        else
        {
            activity.SetStatus(ActivityStatusCode.Ok);
        }
    }

    private void AfterInvocation()
    {
        try
        {
            _options.AfterInvocation?.Invoke();
        }
        catch (Exception e)
        {
            Write($"The after-invocation hook failed: {e}");
        }
    }

    private void Write(string message) => _options.Log.WriteLine($"[{LambdaRuntimeTelemetry.SourceName}] {message}");
}
