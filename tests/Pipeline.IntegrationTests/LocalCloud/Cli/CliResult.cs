using System.Text.Json;

namespace Pipeline.IntegrationTests.LocalCloud.Cli;

/// <summary>What one <c>aws</c> command printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement.Clone();

    /// <summary>The AWS error code the CLI reports: "An error occurred (Code) when calling …".</summary>
    public string? ErrorCode
    {
        get
        {
            var start = Stderr.IndexOf("An error occurred (", StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }

            start += "An error occurred (".Length;
            return Stderr[start..Stderr.IndexOf(')', start)];
        }
    }
}
