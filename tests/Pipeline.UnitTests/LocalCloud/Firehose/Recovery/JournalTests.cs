using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.LocalCloud.Firehose;
using Pipeline.LocalCloud.Firehose.Journal;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Recovery;

/// <summary>The append-only journal: what was appended is read back in order; delivered segments are deleted.</summary>
public sealed class JournalTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "journal-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Appended_records_are_read_back_with_sequence_and_arrival_time()
    {
        using (var journal = RecordJournal.Open(_directory, 1024, 0, NullLogger.Instance, out var none))
        {
            Assert.Empty(none);
            journal.Append([[1], [2, 2]], Start);
            journal.Append([[3, 3, 3]], Start.AddSeconds(1));
        }

        using var reopened = RecordJournal.Open(_directory, 1024, 0, NullLogger.Instance, out var records);

        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Sequence));
        Assert.Equal([1, 2, 3], records.Select(r => r.Data.Length));
        Assert.Equal([Start, Start, Start.AddSeconds(1)], records.Select(r => r.ArrivalTime));
        Assert.Equal(3, reopened.LastSequence);
    }

    [Fact]
    public void Only_records_after_the_checkpoint_are_returned_and_sequences_continue()
    {
        using (var journal = RecordJournal.Open(_directory, 1024, 0, NullLogger.Instance, out _))
        {
            journal.Append([[1], [2], [3]], Start);
        }

        using var reopened = RecordJournal.Open(_directory, 1024, deliveredThrough: 2, NullLogger.Instance, out var records);
        var next = reopened.Append([[4]], Start);

        Assert.Equal(3, Assert.Single(records).Sequence);
        Assert.Equal(4, Assert.Single(next).Sequence);
    }

    [Fact]
    public void Segments_roll_at_their_size_and_delivered_ones_are_deleted_except_the_active_one()
    {
        using var journal = RecordJournal.Open(_directory, segmentBytes: 80, 0, NullLogger.Instance, out _);
        for (var i = 0; i < 6; i++)
        {
            journal.Append([new byte[60]], Start);
        }

        Assert.Equal(6, journal.SegmentPaths.Count);
        journal.DeleteDeliveredSegments(4);
        Assert.Equal(2, journal.SegmentPaths.Count);
        journal.DeleteDeliveredSegments(6);
        Assert.Single(journal.SegmentPaths);
        Assert.Single(Directory.GetFiles(_directory, "*.seg"));
    }

    [Fact]
    public async Task A_stream_deletes_its_delivered_segments()
    {
        await using var bed = new FirehoseTestBed(options: new FirehoseEngineOptions { SegmentBytes = 64 });
        await bed.CreateAsync("s", Destination());
        for (var i = 0; i < 5; i++)
        {
            await bed.PutAsync("s", new string('x', 50));
        }

        var log = Path.Combine(bed.DataDirectory, "firehose", "s", "log");
        Assert.Equal(5, Directory.GetFiles(log, "*.seg").Length);
        await bed.Service.FlushAsync("s");

        Assert.Single(Directory.GetFiles(log, "*.seg"));
        Assert.Contains("\"DeliveredThrough\": 5", await File.ReadAllTextAsync(Path.Combine(bed.DataDirectory, "firehose", "s", "checkpoint.json")), StringComparison.Ordinal);
    }
}
