namespace Pipeline.IntegrationTests.LocalCloud.S3.Support;

/// <summary>How an external tool exited and what it printed.</summary>
internal sealed record ToolRun(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
