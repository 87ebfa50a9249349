using System.Diagnostics;

namespace Pipeline.IntegrationTests.Functions;

/// <summary>
/// Publishes a function project the way it ships (self-contained, trimmed, ReadyToRun single-file <c>bootstrap</c>
/// for linux-x64) into a temporary folder of its own, so trimming mistakes show up here and not in Lambda.
/// </summary>
internal static class PublishedFunction
{
    public static async Task<string> PublishAsync(string project)
    {
        var root = RepositoryRoot();
        var output = Directory.CreateTempSubdirectory("pipeline-publish-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", Path.Combine(root, project), "-c", "Release", "-o", Path.Combine(output, "out"), "--artifacts-path", Path.Combine(output, "artifacts"), "-nologo" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            // Trimming and ReadyToRun are slow on a busy machine; a publish that still overruns is stopped, not leaked.
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(15));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"dotnet publish {project} failed:\n{await stdout}\n{await stderr}");
        return Path.Combine(output, "out");
    }

    public static string RepositoryRoot() =>
        typeof(PublishedFunction).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .First(a => a.Key == "RepositoryRoot").Value!;
}
