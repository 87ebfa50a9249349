namespace Pipeline.AppHost;

internal static class CancellationTokenExtensions
{
    /// <summary>Completes (without throwing) when the token is cancelled: Ctrl+C or SIGTERM.</summary>
    public static Task WhenCancelled(this CancellationToken token)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => done.TrySetResult());
        return done.Task;
    }
}
