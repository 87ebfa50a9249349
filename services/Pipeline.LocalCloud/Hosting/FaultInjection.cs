using System.Diagnostics;

namespace Pipeline.LocalCloud.Hosting;

/// <summary>
/// A test-only hook: with <c>LocalCloud:FaultPoint</c> set (for instance through the environment variable
/// <c>LocalCloud__FaultPoint=CrawlRunning</c>), LocalCloud kills itself with SIGKILL the first time it reaches that
/// point, so a crash test stops it at a known moment instead of racing a timer. Unset, every call is a no-op.
/// </summary>
/// <remarks>
/// Process-wide rather than injected: the point is reached deep inside services built in several ways (factories,
/// stores opened per stream), and what it does, ending the process, is process-wide too.
/// </remarks>
public static class FaultInjection
{
    private static FaultPoint? _armed;

    /// <summary>Arms the point named by the option (case-insensitive), or disarms when it is empty.</summary>
    /// <exception cref="ArgumentException">The name is not a <see cref="FaultPoint"/>.</exception>
    public static void Arm(string? point) => _armed = Parse(point);

    /// <summary>The point an option names (case-insensitive); null when it is empty.</summary>
    /// <exception cref="ArgumentException">The name is not a <see cref="FaultPoint"/>.</exception>
    public static FaultPoint? Parse(string? point)
    {
        if (string.IsNullOrWhiteSpace(point))
        {
            return null;
        }

        return Enum.TryParse<FaultPoint>(point, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(point, out _)
            ? parsed
            : throw new ArgumentException($"LocalCloud:FaultPoint must be one of {string.Join(", ", Enum.GetNames<FaultPoint>())}; got '{point}'.");
    }

    /// <summary>The armed point, if any.</summary>
    public static FaultPoint? Armed => _armed;

    /// <summary>Kills the process, as <c>kill -9</c> would, when <paramref name="point"/> is the armed one.</summary>
    public static void Reached(FaultPoint point)
    {
        if (_armed != point)
        {
            return;
        }

        // No shutdown code runs after this line, exactly as for a power cut or an OOM kill; the line tells the test
        // that the fault, not some other failure, ended the process.
        Console.Error.WriteLine($"LocalCloud fault injection: killing the process at {point}");
        Console.Error.Flush();
        using var self = Process.GetCurrentProcess();
        self.Kill();
    }
}

/// <summary>
/// The places where a test may have LocalCloud kill itself (<see cref="FaultInjection"/>): each is a moment where
/// state is half written, the hardest place for a restart to pick up from.
/// </summary>
public enum FaultPoint
{
    /// <summary>A Firehose delivery has written its objects to S3 but not yet its checkpoint.</summary>
    FirehoseObjectsWritten,

    /// <summary>A crawl has started (the crawler is RUNNING in the file) and has not yet scanned anything.</summary>
    CrawlRunning,

    /// <summary>A job run has published its stage files and partitions but not yet moved its bookmark.</summary>
    JobRunPublished,

    /// <summary>A consumer deletes a message it received: the function has processed its batch, SQS still holds it.</summary>
    SqsMessageDeleted,
}
