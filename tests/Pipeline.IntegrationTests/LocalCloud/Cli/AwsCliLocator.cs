namespace Pipeline.IntegrationTests.LocalCloud.Cli;

/// <summary>Finds the AWS CLI on PATH once per run.</summary>
internal static class AwsCliLocator
{
    private static readonly Lazy<string?> Found = new(Find);

    public static string? Path => Found.Value;

    public static string? MissingReason => Path is null
        ? "The AWS CLI ('aws') is not on PATH (pip install awscli); the AWS CLI tests cannot run."
        : null;

    /// <summary>CI has the CLI, so there a missing CLI is a failure, not a skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Find()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(directory, "aws");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
