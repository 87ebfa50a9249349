using System.Buffers;
using Pipeline.Generator.Data;

namespace Pipeline.Generator.Sending;

/// <summary>
/// Writes records as NDJSON instead of sending them: as fast as they generate (no pacing), and without a
/// <c>traceparent</c> since no batch span exists, so a seeded dry run is byte-identical every time.
/// </summary>
public static class DryRunWriter
{
    private const int FlushBytes = 256 * 1024;

    public static async Task<RunOutcome> WriteAsync(
        IRecordSource source,
        long count,
        Stream output,
        RunStatistics statistics,
        CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>(FlushBytes * 2);

        // Counted per chunk, not per record: the counters are shared (interlocked) and "sent" is a metric too, which
        // cost more than writing a record.
        var flaws = new long[Enum.GetValues<RecordFlaw>().Length];
        statistics.Start();
        try
        {
            for (long i = 0; i < count; i++)
            {
                var flaw = source.WriteNext(buffer);
                buffer.Write("\n"u8);
                flaws[(int)flaw]++;
                if (buffer.WrittenCount >= FlushBytes)
                {
                    Count(statistics, flaws, buffer.WrittenCount);
                    await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
                    buffer.ResetWrittenCount();
                }
            }

            Count(statistics, flaws, buffer.WrittenCount);
            await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
            await output.FlushAsync(cancellationToken);
            return RunOutcome.Completed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return RunOutcome.Cancelled;
        }
        finally
        {
            statistics.Stop();
        }
    }

    private static void Count(RunStatistics statistics, long[] flaws, long bytes)
    {
        statistics.Generated(flaws);
        statistics.Sent(flaws.Sum(), bytes);
        Array.Clear(flaws);
    }
}
