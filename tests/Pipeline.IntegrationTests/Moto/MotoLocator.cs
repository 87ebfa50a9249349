namespace Pipeline.IntegrationTests.Moto;

/// <summary>Finds <c>moto_server</c> on PATH once per test run.</summary>
internal static class MotoLocator
{
    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The executable, or null when it is not installed.</summary>
    public static string? Path => Found.Value;

    /// <summary>Why the moto tests cannot run here, or null when they can.</summary>
    public static string? MissingReason => Path is null
        ? "moto_server is not on PATH (install it with: pip install 'moto[server]'); the moto integration tests cannot run."
        : null;

    /// <summary>CI installs moto, so there a missing server is a failure, not a skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(directory, "moto_server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
