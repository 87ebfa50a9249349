using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.LocalCloud.Firehose.Journal;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Recovery;

/// <summary>
/// Concurrent appends share their fsyncs: every append returns durable records with sequence numbers of its own, the
/// journal hands each record over once and in sequence order, and a stream delivers every record of concurrent calls once.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "group-commit-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Concurrent_appends_are_handed_over_once_in_sequence_order_and_survive_a_reopen()
    {
        var handed = new List<long>();
        using (var journal = RecordJournal.Open(_directory, segmentBytes: 4096, 0, NullLogger.Instance, out _))
        {
            journal.Durable = records => handed.AddRange(records.Select(r => r.Sequence));
            var appends = Enumerable.Range(0, 16)
                .Select(i => Task.Run(() => journal.AppendAsync(Enumerable.Range(0, 10).Select(j => new byte[] { (byte)i, (byte)j }).ToArray(), Start)))
                .ToArray();
            var returned = await Task.WhenAll(appends);

            Assert.Equal(Enumerable.Range(1, 160).Select(n => (long)n), returned.SelectMany(r => r.Select(x => x.Sequence)).Order());
            Assert.Equal(Enumerable.Range(1, 160).Select(n => (long)n), handed);
        }

        using var reopened = RecordJournal.Open(_directory, 4096, 0, NullLogger.Instance, out var onDisk);
        Assert.Equal(Enumerable.Range(1, 160).Select(n => (long)n), onDisk.Select(r => r.Sequence));
    }

    [Fact]
    public async Task A_stream_delivers_every_record_of_concurrent_calls_once()
    {
        await using var bed = new FirehoseTestBed();
        await bed.CreateAsync("s", Destination());
        var calls = Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => bed.PutAsync("s", Enumerable.Range(0, 25).Select(j => $"{i}-{j};").ToArray())))
            .ToArray();
        var ids = (await Task.WhenAll(calls)).SelectMany(r => r).ToArray();

        var flushed = await bed.Service.FlushAsync("s");

        Assert.Equal(200, ids.Distinct().Count());
        Assert.Equal(200, flushed.Delivered);
        var delivered = string.Concat(bed.Store.Objects.Select(ObjectText.Of)).Split(';', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            Enumerable.Range(0, 8).SelectMany(i => Enumerable.Range(0, 25).Select(j => $"{i}-{j}")).Order(StringComparer.Ordinal),
            delivered.Order(StringComparer.Ordinal));
    }
}
