using System.Runtime.InteropServices;

namespace Pipeline.LocalCloud.Processes;

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
