namespace Pipeline.Generator.Cli;

/// <summary>What the generator's exit code means; <c>--help</c> lists these.</summary>
public static class ExitCodes
{
    /// <summary>Every record was sent (or written, in a dry run).</summary>
    public const int Success = 0;

    /// <summary>Bad options, an unknown dataset, or no way to build a client (no region, a bad endpoint).</summary>
    public const int UsageError = 1;

    /// <summary>The run finished but some records finally failed (the report says which and why).</summary>
    public const int SomeRecordsFailed = 2;

    /// <summary>A fatal error stopped the run: no such stream, access denied, no credentials.</summary>
    public const int Aborted = 3;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
