using System.Diagnostics;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

/// <summary>The external programs these tests drive, found once per run: python3 for test functions, the AWS CLI.</summary>
internal static class Tools
{
    private static readonly Lazy<string?> PythonPath = new(FindPython);
    private static readonly Lazy<string?> AwsCliPath = new(() => OnPath("aws"));

    /// <summary>CI installs every tool, so there a missing one fails the test instead of skipping it.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The real interpreter (not a pyenv shim), so a function starts in milliseconds.</summary>
    public static string? Python => PythonPath.Value;

    public static string? AwsCli => AwsCliPath.Value;

    public static string? PythonMissing => Python is null
        ? "python3 is not installed (or not on PATH); the LocalCloud Lambda tests run their test functions with it. Install python3 to run them."
        : null;

    public static string? AwsCliMissing => AwsCli is null
        ? "The AWS CLI ('aws') is not on PATH; the LocalCloud Lambda AWS CLI test cannot run. Install it with: pip install awscli"
        : null;

    private static string? FindPython()
    {
        if (OnPath("python3") is not { } python)
        {
            return null;
        }

        try
        {
            var start = new ProcessStartInfo(python, ["-c", "import sys; print(sys.executable)"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(30_000);
            return process.ExitCode == 0 && File.Exists(output) ? output : python;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string? OnPath(string name)
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
