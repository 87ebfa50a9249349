namespace Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

/// <summary>Whether OS processes are still there, read from /proc.</summary>
internal static class Processes
{
    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Waits up to <paramref name="patience"/> for every process to be gone; the ones still running.</summary>
    public static async Task<int[]> StillRunningAfterAsync(IEnumerable<int> pids, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        int[] running;
        while ((running = [.. pids.Where(IsRunning)]).Length > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return running;
    }

    /// <summary>The pids written to a STARTS_FILE, one per process start.</summary>
    public static int[] Started(string startsFile) =>
        File.Exists(startsFile)
            ? [.. File.ReadAllLines(startsFile).Where(l => l.Length > 0).Select(l => int.Parse(l, System.Globalization.CultureInfo.InvariantCulture))]
            : [];
}
