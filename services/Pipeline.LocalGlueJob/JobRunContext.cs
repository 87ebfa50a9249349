namespace Pipeline.LocalGlueJob;

/// <summary>What the script knows of its run: Glue's <c>--JOB_NAME</c> and <c>--JOB_RUN_ID</c>, every argument, and where its log lines go.</summary>
internal sealed record JobRunContext(string JobName, string JobRunId, IReadOnlyDictionary<string, string> Arguments, TextWriter Log);
