using Pipeline.LocalCloud.Glue.Jobs;

namespace Pipeline.UnitTests.LocalCloud.Glue.Jobs.Fakes;

/// <summary>A script that runs until the test lets it finish, fail, or its run is cancelled.</summary>
internal sealed class ControlledScript(string fileName = "pipeline_etl.py") : IGlueJobScript
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string FileName { get; } = fileName;

    public TaskCompletionSource<JobRunContext> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Exception? Failure { get; set; }

    public void Finish() => _release.TrySetResult();

    public async Task RunAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        Started.TrySetResult(run);
        await _release.Task.WaitAsync(cancellationToken);
        if (Failure is not null)
        {
            throw Failure;
        }
    }
}
