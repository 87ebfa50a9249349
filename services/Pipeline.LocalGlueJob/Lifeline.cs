using System.Diagnostics;

namespace Pipeline.LocalGlueJob;

/// <summary>
/// What ties the script to the LocalCloud that started it. With <c>LOCALCLOUD_LIFELINE=stdin</c> its stdin is a pipe
/// LocalCloud holds and never writes: when it ends, LocalCloud is gone (stopped, or killed with <c>kill -9</c>) and
/// the script ends too, as a function process ends when its Runtime API goes away. With
/// <c>LOCALCLOUD_FAULT_POINT</c> (crash tests) the script tells LocalCloud when it reaches that point, and LocalCloud
/// kills itself there.
/// </summary>
internal static class Lifeline
{
    public const string LifelineVariable = "LOCALCLOUD_LIFELINE";

    public const string FaultPointVariable = "LOCALCLOUD_FAULT_POINT";

    private const string FaultPointReached = "LOCALCLOUD_FAULT_POINT_REACHED ";

    // LocalCloud ends itself as soon as it reads the line; a script still running after this was not heard.
    private static readonly TimeSpan FaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Ends the process when stdin ends, if LocalCloud asked for it.</summary>
    public static void Watch()
    {
        if (Environment.GetEnvironmentVariable(LifelineVariable) != "stdin")
        {
            return;
        }

        var thread = new Thread(() =>
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[256];
            try
            {
                while (input.Read(buffer, 0, buffer.Length) > 0)
                {
                    // LocalCloud writes nothing; whatever comes is ignored.
                }
            }
            catch (IOException)
            {
                // A broken pipe is an end too.
            }

            // No cleanup: whoever would have read the outcome is gone.
            using var self = Process.GetCurrentProcess();
            self.Kill();
        })
        {
            IsBackground = true,
            Name = "localcloud-lifeline",
        };
        thread.Start();
    }

    /// <summary>
    /// At <paramref name="point"/>: when it is the one LocalCloud armed, says so on stderr and waits for LocalCloud to
    /// end itself (and with it, through <see cref="Watch"/>, this process). Otherwise nothing.
    /// </summary>
    /// <exception cref="TimeoutException">LocalCloud did not end.</exception>
    public static void Reached(string point)
    {
        if (!string.Equals(Environment.GetEnvironmentVariable(FaultPointVariable), point, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        Console.Error.WriteLine(FaultPointReached + point);
        Console.Error.Flush();
        Thread.Sleep(FaultTimeout);
        throw new TimeoutException($"LocalCloud did not end at its fault point {point}.");
    }
}
