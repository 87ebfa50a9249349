using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Amazon.S3.Model;
using Pipeline.AppHost.Deployment;
using Pipeline.AppHost.Resources;
using Pipeline.Aws;
using Pipeline.EndToEndTests.Infrastructure;

namespace Pipeline.EndToEndTests.AppHost;

/// <summary>
/// The app host as a developer runs it: LocalCloud, the transformer and the generators come up, data lands under
/// the raw prefixes of both datasets, and a stop signal ends everything with no process left behind.
/// </summary>
public sealed class AppHostRunsThePipelineTests
{
    [Fact]
    public async Task Data_flows_and_a_stop_signal_leaves_no_process_behind()
    {
        using var directory = new TestDirectory();
        var port = FreePort.Next();
        var data = Path.Combine(directory.Path, "data");
        var output = new StringBuilder();
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            ArgumentList = { typeof(LocalDeployment).Assembly.Location, "--port", port.ToString(CultureInfo.InvariantCulture), "--data-dir", data, "--generator-rate", "200" },
            WorkingDirectory = directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        using var host = Process.Start(start)!;
        host.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        host.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        string Log() { lock (output) { return output.ToString(); } }

        try
        {
            await WaitUntil(() => Log().Contains("Pipeline is running.", StringComparison.Ordinal), TimeSpan.FromSeconds(90), Log);
            Assert.Contains($"http://127.0.0.1:{port}/", Log());

            var aws = new AwsClientFactory(new AwsClientOptions { Endpoint = new Uri($"http://127.0.0.1:{port}"), Region = "us-east-1", Credentials = new BasicAWSCredentials("test", "test") });
            using var s3 = aws.CreateS3();
            foreach (var dataset in new[] { "clickstream", "vehicle_telemetry" })
            {
                await WaitUntil(
                    async () => (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "pipeline-local-data-lake", Prefix = $"raw/{dataset}/year=" })).KeyCount > 0,
                    TimeSpan.FromSeconds(60),
                    Log);
            }

            var children = ProcessesOf(port, data);
            Assert.True(children.Count >= 3, $"expected two generators and a transformer, found: {string.Join(", ", children)}");
        }
        finally
        {
            using (var term = Process.Start("kill", ["-TERM", host.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }

        Assert.Contains("Stopping", Log());
        await WaitUntil(() => ProcessesOf(port, data).Count == 0, TimeSpan.FromSeconds(10), () => string.Join(", ", ProcessesOf(port, data)));
    }

    /// <summary>Processes started for this pipeline: talking to its port, or running out of its data directory.</summary>
    private static List<string> ProcessesOf(int port, string data)
    {
        var found = new List<string>();
        foreach (var proc in Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => int.TryParse(n, out _)))
        {
            try
            {
                var commandLine = File.ReadAllText($"/proc/{proc}/cmdline").Replace('\0', ' ');
                var cwd = new FileInfo($"/proc/{proc}/cwd").LinkTarget ?? "";
                if (commandLine.Contains($"127.0.0.1:{port}", StringComparison.Ordinal) || cwd.StartsWith(data, StringComparison.Ordinal))
                {
                    found.Add($"{proc}: {commandLine}");
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    private static Task WaitUntil(Func<bool> condition, TimeSpan timeout, Func<string> diagnostics) =>
        WaitUntil(() => Task.FromResult(condition()), timeout, diagnostics);

    private static async Task WaitUntil(Func<Task<bool>> condition, TimeSpan timeout, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"timed out after {timeout}:\n{diagnostics()}");
    }
}
