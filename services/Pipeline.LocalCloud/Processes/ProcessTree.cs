using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Pipeline.LocalCloud.Processes;

/// <summary>
/// A process and its descendants, from <c>/proc</c>, each with its start time so a pid reused later is never
/// signalled by mistake. A bootstrap script that does not <c>exec</c> its program leaves that program as a child,
/// and stopping the script alone would orphan it.
/// </summary>
internal static class ProcessTree
{
    /// <summary>The process and its descendants (root first); empty where there is no <c>/proc</c>.</summary>
    public static IReadOnlyList<(int Pid, long StartTime)> Of(int root)
    {
        if (!Directory.Exists("/proc"))
        {
            return [];
        }

        var children = new Dictionary<int, List<(int, long)>>();
        (int, long)? self = null;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || Read(pid) is not { } stat)
            {
                continue;
            }

            if (pid == root)
            {
                self = (pid, stat.StartTime);
            }

            if (!children.TryGetValue(stat.ParentPid, out var list))
            {
                children[stat.ParentPid] = list = [];
            }

            list.Add((pid, stat.StartTime));
        }

        if (self is null)
        {
            return [];
        }

        var result = new List<(int, long)> { self.Value };
        for (var i = 0; i < result.Count; i++)
        {
            if (children.TryGetValue(result[i].Item1, out var list))
            {
                result.AddRange(list);
            }
        }

        return result;
    }

    /// <summary>
    /// SIGTERM to the process and its descendants, then <paramref name="kill"/> (SIGKILL of the whole tree) if it has
    /// not ended after <paramref name="grace"/>, and SIGKILL to any descendant of the snapshot still alive.
    /// </summary>
    /// <param name="root">The process.</param>
    /// <param name="exited">Completes when the process has ended.</param>
    public static async Task StopAsync(int root, Task exited, TimeSpan grace, Action kill)
    {
        ArgumentNullException.ThrowIfNull(exited);
        ArgumentNullException.ThrowIfNull(kill);
        var tree = Of(root);
        if (tree.Count == 0)
        {
            PosixSignals.Terminate(root);
        }

        foreach (var (pid, _) in tree)
        {
            PosixSignals.Terminate(pid);
        }

        if (await Task.WhenAny(exited, Task.Delay(grace)).ConfigureAwait(false) != exited)
        {
            kill();
        }

        // Children of a script that did not exec its program may outlive it; they were in the snapshot.
        foreach (var (pid, startTime) in tree.Skip(1))
        {
            if (IsAlive(pid, startTime))
            {
                PosixSignals.Kill(pid);
            }
        }

        try
        {
            await exited.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Unkillable (uninterruptible I/O); nothing more can be done from here.
        }
    }

    /// <summary>SIGKILL for the process and everything it started; nothing if it is already gone.</summary>
    public static void Kill(Process? process)
    {
        try
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException or ObjectDisposedException)
        {
            // Already gone (and perhaps already disposed).
        }
    }

    /// <summary>True while the process from the snapshot (same pid, same start time) is still there.</summary>
    public static bool IsAlive(int pid, long startTime) => Read(pid) is { } stat && stat.StartTime == startTime && stat.State != 'Z';

    private static (int ParentPid, long StartTime, char State)? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ... starttime(22nd)": comm may hold spaces and parentheses, so parse after the last ')'.
        var close = text.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = text[(close + 2)..].Split(' ');
        return fields.Length > 19
            && int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parent)
            && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? (parent, start, fields[0].Length > 0 ? fields[0][0] : '?')
            : null;
    }
}

/// <summary>SIGTERM for a process (.NET can only SIGKILL): Lambda's runtimes expect it before shutdown.</summary>
internal static class PosixSignals
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    public static void Terminate(int pid) => Send(pid, SigTerm);

    public static void Kill(int pid) => Send(pid, SigKill);

    private static void Send(int pid, int signal)
    {
        if (OperatingSystem.IsWindows() || pid <= 0)
        {
            return;
        }

        try
        {
            _ = SendSignal(pid, signal);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc by that name: fall back to kill(1).
            using var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill?.WaitForExit(2000);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
