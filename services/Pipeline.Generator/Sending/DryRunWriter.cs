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
        statistics.Start();
        try
        {
            for (long i = 0; i < count; i++)
            {
                var before = buffer.WrittenCount;
                var flaw = source.WriteNext(buffer);
                buffer.Write("\n"u8);
                statistics.Generated(flaw);
                statistics.Sent(1, buffer.WrittenCount - before);
                if (buffer.WrittenCount >= FlushBytes)
                {
                    await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
                    buffer.ResetWrittenCount();
                }
            }

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
}
