using System.Diagnostics;
using System.Text.Json;
using Pipeline.Provisioning;

namespace Pipeline.EndToEndTests.Infrastructure;

/// <summary>Runs the generator as a process to completion and reads its JSON report.</summary>
internal static class GeneratorRun
{
    public static async Task<GeneratorResult> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, string reportPath)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Programs.Generator);
        foreach (var argument in arguments.Concat(["--report", reportPath]))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        var output = await stdout + await stderr;
        Assert.True(File.Exists(reportPath), $"the generator wrote no report (exit {process.ExitCode}):\n{output}");
        using var report = JsonDocument.Parse(await File.ReadAllBytesAsync(reportPath));
        return new GeneratorResult(process.ExitCode, report.RootElement.Clone(), output);
    }

    /// <summary>The records a seeded run sends, as NDJSON lines (no traceparent: there is no batch span in a dry run).</summary>
    public static async Task<string[]> DryRunAsync(IReadOnlyList<string> arguments, string outputPath)
    {
        var start = new ProcessStartInfo(DotnetHost.Path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Programs.Generator);
        foreach (var argument in arguments.Concat(["--dry-run", "--out", outputPath]))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"dry run failed ({process.ExitCode}): {await stderr}");
        return await File.ReadAllLinesAsync(outputPath);
    }
}
