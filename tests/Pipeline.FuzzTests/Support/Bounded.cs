namespace Pipeline.FuzzTests.Support;

/// <summary>
/// Runs one fuzz case with a deadline, so a hang fails the property (and is shrunk like any failure) instead of
/// stalling the test run. A case that overruns keeps its thread; the test fails and the process ends after the run.
/// </summary>
public static class Bounded
{
    /// <summary>Deadline of one in-process case (a parse, a transform, a query): far above any normal case on a loaded machine.</summary>
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(10);

    public static void Run(Action action, TimeSpan? timeout = null) =>
        Run(() =>
        {
            action();
            return true;
        }, timeout);

    public static T Run<T>(Func<T> function, TimeSpan? timeout = null)
    {
        var limit = timeout ?? CaseTimeout;
        var task = Task.Run(function);
        if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(limit))
        {
            throw new TimeoutException($"The case did not finish within {limit.TotalSeconds:0} s: a hang.");
        }

        // Rethrows the case's own exception, not an AggregateException around it.
        return task.GetAwaiter().GetResult();
    }

    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> function, TimeSpan? timeout = null)
    {
        var limit = timeout ?? CaseTimeout;
        using var cancellation = new CancellationTokenSource(limit);
        var task = Task.Run(() => function(cancellation.Token));
        try
        {
            return await task.WaitAsync(limit + TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The case did not finish within {limit.TotalSeconds:0} s: a hang.");
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"The case did not finish within {limit.TotalSeconds:0} s: a hang.");
        }
    }
}
