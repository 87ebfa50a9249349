namespace Pipeline.LocalCloud.Glue.Jobs;

/// <summary>A run executing in the background, with the reasons it may be asked to end early.</summary>
internal sealed class ActiveRun(string jobName, string jobRunId, CancellationToken shutdown) : IDisposable
{
    private readonly CancellationTokenSource _cancel = CancellationTokenSource.CreateLinkedTokenSource(shutdown);

    public string JobName { get; } = jobName;

    public string JobRunId { get; } = jobRunId;

    public CancellationToken Token => _cancel.Token;

    public bool StopRequested { get; private set; }

    public bool TimedOut { get; private set; }

    public Task Completion { get; set; } = Task.CompletedTask;

    public void Stop()
    {
        StopRequested = true;
        Cancel();
    }

    public void TimeOut()
    {
        TimedOut = true;
        Cancel();
    }

    public void Dispose() => _cancel.Dispose();

    private void Cancel()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run already finished.
        }
    }
}
