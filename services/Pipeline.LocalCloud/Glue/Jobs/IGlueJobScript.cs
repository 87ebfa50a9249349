using System.Globalization;

namespace Pipeline.LocalCloud.Glue.Jobs;

/// <summary>A Glue script LocalCloud can run in process, chosen by the file name of the job's <c>Command.ScriptLocation</c>.</summary>
internal interface IGlueJobScript
{
    /// <summary>The script's file name, e.g. <c>pipeline_etl.py</c>.</summary>
    string FileName { get; }

    /// <summary>Runs to completion, or throws: the exception's message becomes the run's ErrorMessage.</summary>
    /// <param name="run">The run's name, id, merged arguments and log.</param>
    /// <param name="cancellationToken">Signalled when the run is stopped, times out or LocalCloud shuts down.</param>
    Task RunAsync(JobRunContext run, CancellationToken cancellationToken);
}

/// <summary>What a script gets to know about its run: the arguments are the job's defaults with the run's on top.</summary>
internal sealed record JobRunContext(string JobName, string JobRunId, IReadOnlyDictionary<string, string> Arguments, JobRunLog Log);

/// <summary>
/// A run's output log, <c>&lt;data dir&gt;/glue/job-logs/&lt;escaped job name&gt;/&lt;run id&gt;.log</c>: LocalCloud's
/// stand-in for CloudWatch's <c>/aws-glue/jobs/output</c>, which the notifier links to.
/// </summary>
internal sealed class JobRunLog
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;

    public JobRunLog(string dataDirectory, string jobName, string jobRunId, TimeProvider time)
    {
        _time = time;
        FilePath = PathFor(dataDirectory, jobName, jobRunId);
    }

    public string FilePath { get; }

    public static string PathFor(string dataDirectory, string jobName, string jobRunId) =>
        Path.Combine(dataDirectory, "glue", "job-logs", Uri.EscapeDataString(jobName), jobRunId + ".log");

    public void Write(string line)
    {
        var stamped = _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + " " + line + "\n";
        lock (_lock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            File.AppendAllText(FilePath, stamped);
        }
    }
}
