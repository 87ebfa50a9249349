using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.AppHostTests.Infrastructure;

/// <summary>One OS process, as /proc shows it.</summary>
internal sealed record RunProcess(int Pid, int ParentPid, string CommandLine)
{
    public override string ToString() => $"{Pid} {(CommandLine.Length > 200 ? CommandLine[..200] + "…" : CommandLine)}";
}

/// <summary>
/// The OS processes of one app host run (Linux, through /proc): the app host, DCP (which it starts detached, with
/// <c>--monitor &lt;app host pid&gt;</c>), everything DCP runs (the dashboard, LocalCloud, the generators,
/// provisioning), and the function processes LocalCloud starts — found by the data directory and the LocalCloud port,
/// which each of them has on its command line, as its working directory or in its environment, and by descent.
/// </summary>
internal static class RunProcesses
{
    /// <summary>
    /// The processes of the run on <paramref name="dataDirectory"/> and <paramref name="port"/>, whose app host is
    /// <paramref name="appHostPid"/> (this test process for an app host run through Aspire.Hosting.Testing; never
    /// listed itself).
    /// </summary>
    public static IReadOnlyList<RunProcess> Find(string dataDirectory, int port, int appHostPid)
    {
        var self = Environment.ProcessId;
        var endpoint = EndpointPattern(port);
        var all = Snapshot();
        var members = new HashSet<int>();
        foreach (var process in all.Values)
        {
            if (process.Pid == self)
            {
                continue;
            }

            if (process.Pid == appHostPid
                || Monitors(process.Arguments, appHostPid)
                || process.Arguments.Any(a => a.Contains(dataDirectory, StringComparison.Ordinal))
                || (process.WorkingDirectory?.StartsWith(dataDirectory, StringComparison.Ordinal) ?? false)
                || process.Environment.Contains(dataDirectory, StringComparison.Ordinal)
                || endpoint.IsMatch(process.Environment))
            {
                members.Add(process.Pid);
            }
        }

        // Their descendants: whatever a member started (dotnet run's child, a function's bootstrap) belongs to the run.
        bool added;
        do
        {
            added = false;
            foreach (var process in all.Values)
            {
                if (process.Pid != self && !members.Contains(process.Pid) && members.Contains(process.ParentPid))
                {
                    added |= members.Add(process.Pid);
                }
            }
        }
        while (added);

        return [.. members.Order().Select(pid => new RunProcess(pid, all[pid].ParentPid, string.Join(' ', all[pid].Arguments)))];
    }

    /// <summary>
    /// <c>kill -9</c> of every process given, at once: all are stopped first (SIGSTOP, so that none reacts to another's
    /// death, DCP restarting a process for instance), then killed together.
    /// </summary>
    public static void KillAtOnce(IReadOnlyCollection<int> pids)
    {
        if (pids.Count == 0)
        {
            return;
        }

        Signal("STOP", pids);
        Signal("KILL", pids);
    }

    /// <summary>Waits until none of <paramref name="pids"/> is alive (a zombie counts as gone); returns those that are.</summary>
    public static async Task<IReadOnlyList<int>> WaitUntilGoneAsync(IEnumerable<int> pids, TimeSpan timeout)
    {
        var waiting = pids.ToList();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            waiting.RemoveAll(pid => !IsAlive(pid));
            if (waiting.Count == 0 || DateTime.UtcNow > deadline)
            {
                return waiting;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>
    /// The run's processes still alive once <paramref name="timeout"/> has passed (a stopping run takes a few seconds
    /// to end them), other than <paramref name="before"/> (processes that were there before the run started).
    /// </summary>
    public static async Task<IReadOnlyList<RunProcess>> LeftAfterAsync(string dataDirectory, int port, int appHostPid, IReadOnlySet<int> before, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = Find(dataDirectory, port, appHostPid).Where(p => !before.Contains(p.Pid) && IsAlive(p.Pid)).ToArray();
            if (left.Length == 0 || DateTime.UtcNow > deadline)
            {
                return left;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>Kills (-9) whatever of the run is still alive, other than <paramref name="before"/>; for finally blocks.</summary>
    public static IReadOnlyList<RunProcess> KillLeftovers(string dataDirectory, int port, int appHostPid, IReadOnlySet<int> before)
    {
        var left = Find(dataDirectory, port, appHostPid).Where(p => !before.Contains(p.Pid)).ToArray();
        KillAtOnce([.. left.Select(p => p.Pid)]);
        return left;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool Monitors(IReadOnlyList<string> arguments, int pid)
    {
        var text = pid.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i + 1 < arguments.Count; i++)
        {
            if (arguments[i] == "--monitor" && arguments[i + 1] == text)
            {
                return true;
            }
        }

        return false;
    }

    private static void Signal(string signal, IEnumerable<int> pids)
    {
        var start = new ProcessStartInfo("kill") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-s");
        start.ArgumentList.Add(signal);
        foreach (var pid in pids)
        {
            start.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
        }

        using var kill = Process.Start(start) ?? throw new InvalidOperationException("kill did not start.");
        kill.StandardError.ReadToEnd(); // "No such process" for one that has just ended: fine.
        kill.WaitForExit();
    }

    private static Dictionary<int, ProcessInfo> Snapshot()
    {
        var processes = new Dictionary<int, ProcessInfo>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                var arguments = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
                processes[pid] = new ProcessInfo(pid, parent, arguments, ReadOrEmpty(Path.Combine(directory, "environ")), WorkingDirectory(directory));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // Ended while being read.
            }
        }

        return processes;
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes(path)).Replace('\0', '\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static string? WorkingDirectory(string directory)
    {
        try
        {
            return new DirectoryInfo(Path.Combine(directory, "cwd")).ResolveLinkTarget(returnFinalTarget: false)?.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // AWS_ENDPOINT_URL=http://127.0.0.1:<port> in every process pointed at this run's LocalCloud (the generators).
    private static Regex EndpointPattern(int port) =>
        new($@"(127\.0\.0\.1|localhost):{port.ToString(CultureInfo.InvariantCulture)}(?!\d)", RegexOptions.CultureInvariant);

    private sealed record ProcessInfo(int Pid, int ParentPid, IReadOnlyList<string> Arguments, string Environment, string? WorkingDirectory);
}
