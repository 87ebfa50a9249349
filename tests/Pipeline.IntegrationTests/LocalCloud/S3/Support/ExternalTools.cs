using System.Diagnostics;

namespace Pipeline.IntegrationTests.LocalCloud.S3.Support;

/// <summary>
/// The AWS CLI and boto3, clients nobody here wrote, found once per run. Where one is missing its tests are skipped
/// with the reason; in CI (<c>CI=true</c>), which installs both, they run and fail on it instead.
/// </summary>
internal static class ExternalTools
{
    private static readonly Lazy<string?> AwsPath = new(() => FindOnPath("aws"));
    private static readonly Lazy<string?> PythonPath = new(() => FindOnPath("python3"));
    private static readonly Lazy<string?> Boto3Problem = new(ProbeBoto3);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Aws => AwsPath.Value;

    public static string? Python => PythonPath.Value;

    public static string? AwsMissingReason => Aws is null
        ? "The AWS CLI ('aws') is not on PATH (pip install awscli); the AWS CLI tests against LocalCloud's S3 cannot run."
        : null;

    public static string? Boto3MissingReason => Boto3Problem.Value;

    /// <summary>Runs a tool to completion (or kills it after <paramref name="timeout"/>) and captures its output.</summary>
    public static async Task<ToolRun> RunAsync(string executable, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} {string.Join(' ', start.ArgumentList)} did not finish within {timeout.TotalSeconds} s.");
        }

        return new ToolRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Credentials, region and no inherited profile or endpoint: the tools can reach nothing but LocalCloud.</summary>
    public static IReadOnlyDictionary<string, string?> IsolatedAwsEnvironment(string scratch) => new Dictionary<string, string?>
    {
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_CONFIG_FILE"] = Path.Combine(scratch, "no-config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(scratch, "no-credentials"),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_ENDPOINT_URL"] = null,
        ["AWS_ENDPOINT_URL_S3"] = null,
    };

    private static string? ProbeBoto3()
    {
        if (Python is null)
        {
            return "python3 is not on PATH; the boto3 tests against LocalCloud's S3 cannot run.";
        }

        try
        {
            var run = RunAsync(Python, ["-c", "import boto3"], new Dictionary<string, string?>(), TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            return run.ExitCode == 0 ? null : $"python3 cannot import boto3 (pip install boto3); the boto3 tests cannot run: {run.StandardError.Trim()}";
        }
        catch (Exception e) when (e is TimeoutException or System.ComponentModel.Win32Exception)
        {
            return $"python3 could not be run to look for boto3: {e.Message}";
        }
    }

    private static string? FindOnPath(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
