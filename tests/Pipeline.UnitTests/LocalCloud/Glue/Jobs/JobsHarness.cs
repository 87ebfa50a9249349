using Microsoft.Extensions.Time.Testing;
using Pipeline.LocalCloud.Glue.Jobs;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Hosting;
using Pipeline.UnitTests.LocalCloud.Glue.Jobs.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Glue.Jobs;

/// <summary>Glue jobs over a temporary data directory with a hand-moved clock, recorded events and a controlled script.</summary>
internal sealed class JobsHarness : IAsyncDisposable
{
    public JobsHarness()
    {
        Options = new LocalCloudOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "glue-jobs-unit-" + Guid.NewGuid().ToString("N")) };
        Jobs = new GlueJobs(Options, Time, [Script], Events);
    }

    public LocalCloudOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 5, 0, 0, TimeSpan.Zero));

    public RecordingEventBus Events { get; } = new();

    public ControlledScript Script { get; private set; } = new();

    public GlueJobs Jobs { get; private set; }

    public static JobUpdate Definition(string script = "s3://scripts/glue/pipeline_etl.py", int? maxConcurrentRuns = null, int? timeout = null) => new()
    {
        Role = "arn:aws:iam::000000000000:role/glue",
        Command = new JobCommand { Name = "glueetl", ScriptLocation = script, PythonVersion = "3" },
        DefaultArguments = new Dictionary<string, string> { ["--dataset"] = "clickstream", ["--output_compression"] = "snappy" },
        ExecutionProperty = maxConcurrentRuns is null ? null : new ExecutionProperty { MaxConcurrentRuns = maxConcurrentRuns },
        Timeout = timeout,
        GlueVersion = "5.0",
        WorkerType = "G.1X",
        NumberOfWorkers = 2,
    };

    public Task<string> StartAsync(string job, Dictionary<string, string>? arguments = null) =>
        Jobs.StartRunAsync(new StartJobRunRequest { JobName = job, Arguments = arguments });

    /// <summary>Waits (up to 10 s) until the run is in <paramref name="state"/>.</summary>
    public async Task<JobRun> WaitForStateAsync(string job, string runId, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var run = await Jobs.GetRunAsync(job, runId);
            if (run.JobRunState == state || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Abandons the runs in progress and opens the state again, as LocalCloud does after a restart.</summary>
    public async Task RestartAsync()
    {
        await Jobs.DisposeAsync();
        Script = new ControlledScript();
        Jobs = new GlueJobs(Options, Time, [Script], Events);
    }

    public async ValueTask DisposeAsync()
    {
        Script.Finish();
        await Jobs.DisposeAsync();
        try
        {
            Directory.Delete(Options.DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
    }
}
