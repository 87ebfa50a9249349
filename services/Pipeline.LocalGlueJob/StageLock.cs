namespace Pipeline.LocalGlueJob;

/// <summary>
/// Runs writing the same stage table take turns, so a run's dedupe sees what an earlier run wrote. The turn is an
/// exclusive lock on a file under the temporary folder (LocalCloud gives every script the same one): it holds across
/// processes, and the OS releases it when its holder ends in any way, <c>kill -9</c> included.
/// </summary>
internal static class StageLock
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static async Task<IDisposable> AcquireAsync(string tempRoot, string table, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(tempRoot, "stage-locks");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Uri.EscapeDataString(table.ToLowerInvariant()) + ".lock");
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix: a second open, from this process or another, fails.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
