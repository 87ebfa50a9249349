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
