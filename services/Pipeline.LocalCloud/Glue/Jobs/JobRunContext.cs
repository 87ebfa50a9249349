namespace Pipeline.LocalCloud.Glue.Jobs;

/// <summary>What a script gets to know about its run: the arguments are the job's defaults with the run's on top.</summary>
internal sealed record JobRunContext(string JobName, string JobRunId, IReadOnlyDictionary<string, string> Arguments, JobRunLog Log);
