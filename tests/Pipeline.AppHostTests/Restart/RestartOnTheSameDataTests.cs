using System.Diagnostics;
using System.Text.RegularExpressions;
using Pipeline.AppHostTests.Infrastructure;
using Xunit.Abstractions;

namespace Pipeline.AppHostTests.Restart;

/// <summary>
/// The data directory outlives a run: a second `dotnet run` on it, after a graceful stop or after the whole run was
/// killed with <c>kill -9</c>, comes back with every resource up and the data it had still queryable through Athena.
/// </summary>
public sealed partial class RestartOnTheSameDataTests(ITestOutputHelper output)
{
    /// <summary>Enough records for a first ETL run soon, little enough for a shared 2-core machine.</summary>
    private const double GeneratorRate = 50;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan FirstRowsTimeout = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    /// <summary>For a job run the kill cut short (FAILED) to be followed by one that succeeds.</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_second_run_on_the_same_data_directory_comes_back_healthy_with_the_data()
    {
        using var scratch = new Scratch();
        var port = FreePort.Next();
        var self = Environment.ProcessId;
        var before = RunProcesses.Find(scratch.Data, port, self).Select(p => p.Pid).ToHashSet();
        var clock = Stopwatch.StartNew();
        try
        {
            long first;
            await using (var run = await PipelineAppHost.StartAsync(scratch.Data, GeneratorRate, port))
            {
                await run.WaitUntilUpAsync(StartTimeout);
                first = await StageData.WaitForRowsAsync(run.Aws, FirstRowsTimeout);
                output.WriteLine($"{clock.Elapsed:mm\\:ss} first run: {first} clickstream stage rows; stopping it");
            }

            await AssertNothingLeftAsync(scratch.Data, port, self, before, "the first run's graceful stop");
            output.WriteLine($"{clock.Elapsed:mm\\:ss} first run stopped, none of its processes left");

            await using (var run = await PipelineAppHost.StartAsync(scratch.Data, GeneratorRate, port))
            {
                await run.WaitUntilUpAsync(StartTimeout);
                Assert.Empty(await run.WaitUntilNothingIsDownAsync(SettleTimeout));
                var second = await StageData.CountAsync(run.Aws);
                output.WriteLine($"{clock.Elapsed:mm\\:ss} second run up: {second} clickstream stage rows");
                Assert.True(second >= first, $"The second run finds {second} stage rows; the first had {first}.");
            }

            await AssertNothingLeftAsync(scratch.Data, port, self, before, "the second run's graceful stop");
            output.WriteLine($"{clock.Elapsed:mm\\:ss} second run stopped, none of its processes left");
        }
        finally
        {
            Report(RunProcesses.KillLeftovers(scratch.Data, port, self, before));
        }
    }

    [Fact]
    public async Task A_run_after_kill_9_of_the_whole_run_comes_back_healthy_with_the_data()
    {
        using var scratch = new Scratch();
        var port = FreePort.Next();
        var self = Environment.ProcessId;
        var before = RunProcesses.Find(scratch.Data, port, self).Select(p => p.Pid).ToHashSet();
        var clock = Stopwatch.StartNew();
        AppHostProcess? crashed = null;
        try
        {
            // A run of its own, as `dotnet run` starts it, until the data is queryable.
            crashed = AppHostProcess.Start(scratch.Data, port, GeneratorRate, Path.Combine(scratch.Root, "apphost.log"));
            var first = await StageData.WaitForRowsAsync(crashed.Aws, StartTimeout + FirstRowsTimeout, crashed.ThrowIfExited);
            output.WriteLine($"{clock.Elapsed:mm\\:ss} first run (pid {crashed.Pid}): {first} clickstream stage rows");

            // kill -9 of the whole run at once: the app host, DCP, the dashboard, LocalCloud, the functions, the generators.
            var run = RunProcesses.Find(scratch.Data, port, crashed.Pid);
            output.WriteLine($"killing {run.Count} processes:\n  " + string.Join("\n  ", run));
            AssertIncludes(run, "the app host", p => p.Pid == crashed.Pid);
            AssertIncludes(run, "DCP", p => p.CommandLine.Contains("/dcp ", StringComparison.Ordinal));
            AssertIncludes(run, "the dashboard", p => p.CommandLine.Contains("Aspire.Dashboard", StringComparison.Ordinal));
            AssertIncludes(run, "LocalCloud", p => p.CommandLine.Contains("pipeline-localcloud", StringComparison.Ordinal) && p.CommandLine.Contains(scratch.Data, StringComparison.Ordinal));
            AssertIncludes(run, "a generator", p => p.CommandLine.Contains("pipeline-generator", StringComparison.Ordinal));
            AssertIncludes(run, "a function", p => p.CommandLine.Contains("Pipeline.FirehoseTransformer", StringComparison.Ordinal)
                || p.CommandLine.Contains("Pipeline.CrawlerTrigger", StringComparison.Ordinal)
                || p.CommandLine.Contains("Pipeline.EtlJobRunner", StringComparison.Ordinal)
                || p.CommandLine.Contains("Pipeline.Notifier", StringComparison.Ordinal));
            RunProcesses.KillAtOnce([.. run.Select(p => p.Pid)]);
            var alive = await RunProcesses.WaitUntilGoneAsync(run.Select(p => p.Pid), StopTimeout);
            Assert.True(alive.Count == 0, $"Still alive after kill -9: {string.Join(", ", alive)}");
            var respawned = RunProcesses.Find(scratch.Data, port, crashed.Pid).Where(p => !before.Contains(p.Pid)).ToArray();
            Assert.True(respawned.Length == 0, "Processes of the killed run still there:\n" + string.Join('\n', respawned));
            output.WriteLine($"{clock.Elapsed:mm\\:ss} killed, none left");

            // DCP removes its temporary folder (its kubeconfig) when it stops; killed, it leaves it.
            foreach (var folder in DcpFolders(run))
            {
                Directory.Delete(folder, recursive: true);
            }

            // Again on the data directory as the kill left it, through Aspire.Hosting.Testing.
            await using (var again = await PipelineAppHost.StartAsync(scratch.Data, GeneratorRate, port))
            {
                await again.WaitUntilUpAsync(StartTimeout);
                Assert.Empty(await again.WaitUntilNothingIsDownAsync(SettleTimeout));
                var second = await StageData.CountAsync(again.Aws);
                output.WriteLine($"{clock.Elapsed:mm\\:ss} run after kill -9 up: {second} clickstream stage rows");
                Assert.True(second >= first, $"The run after kill -9 finds {second} stage rows; the killed run had {first}.");
            }

            await AssertNothingLeftAsync(scratch.Data, port, self, before, "the run after kill -9, stopped gracefully");
            output.WriteLine($"{clock.Elapsed:mm\\:ss} stopped, none of its processes left");
        }
        catch (Exception) when (crashed is not null)
        {
            output.WriteLine($"The killed app host's output ends:\n{crashed.Tail(60)}");
            throw;
        }
        finally
        {
            if (crashed is not null)
            {
                Report(RunProcesses.KillLeftovers(scratch.Data, port, crashed.Pid, before));
                crashed.Dispose();
            }

            Report(RunProcesses.KillLeftovers(scratch.Data, port, self, before));
        }
    }

    private static async Task AssertNothingLeftAsync(string dataDirectory, int port, int appHostPid, IReadOnlySet<int> before, string after)
    {
        var left = await RunProcesses.LeftAfterAsync(dataDirectory, port, appHostPid, before, StopTimeout);
        Assert.True(left.Count == 0, $"Processes left after {after}:\n{string.Join('\n', left)}");
    }

    private static IEnumerable<string> DcpFolders(IEnumerable<RunProcess> run) =>
        run.Select(p => DcpKubeconfig().Match(p.CommandLine))
            .Where(m => m.Success)
            .Select(m => Path.GetDirectoryName(m.Groups["path"].Value)!)
            .Where(folder => Path.GetFileName(folder).StartsWith("aspire-dcp", StringComparison.Ordinal) && Directory.Exists(folder))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static void AssertIncludes(IReadOnlyList<RunProcess> run, string what, Func<RunProcess, bool> match) =>
        Assert.True(run.Any(match), $"The run's processes include no {what}:\n{string.Join('\n', run)}");

    private void Report(IReadOnlyList<RunProcess> killed)
    {
        if (killed.Count > 0)
        {
            output.WriteLine("killed leftovers:\n  " + string.Join("\n  ", killed));
        }
    }

    [GeneratedRegex(@"/dcp .*--kubeconfig (?<path>\S+/kubeconfig)")]
    private static partial Regex DcpKubeconfig();

    /// <summary>A fresh folder for one test: the data directory and the app host's output.</summary>
    private sealed class Scratch : IDisposable
    {
        public Scratch()
        {
            Root = Directory.CreateTempSubdirectory("pipeline-restart-").FullName;
            Data = Directory.CreateDirectory(Path.Combine(Root, "data")).FullName;
        }

        public string Root { get; }

        public string Data { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A process still closing a file: the OS temp cleaner gets it.
            }
        }
    }
}
