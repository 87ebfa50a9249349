using Pipeline.LocalCloud.Lambda.Execution;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.UnitTests.LocalCloud.Storage;

/// <summary>
/// A work spool opened again over its folder (a restart, or a crash) gives back every item added and not removed, in
/// the order added, with its latest state; a half-written temp file is dropped and an unreadable file set aside.
/// </summary>
public sealed class WorkSpoolTests : IDisposable
{
    private static readonly DateTimeOffset Accepted = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Directory.CreateTempSubdirectory("spool-unit-").FullName, "queue");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_directory)!, recursive: true);

    [Fact]
    public void Items_not_removed_come_back_in_order_with_their_latest_state()
    {
        var spool = Open();
        var first = spool.Add(Event("a"));
        var second = spool.Add(Event("b"));
        var third = spool.Add(Event("c"));
        spool.Update(third, Event("c") with { Attempts = 2 });
        spool.Remove(second);

        var reopened = Open();
        var (items, unreadable) = reopened.Load();
        var later = reopened.Add(Event("d"));

        Assert.Empty(unreadable);
        Assert.Equal([(first, "a", 0), (third, "c", 2)], items.Select(i => (i.Key, i.Item.RequestId, i.Item.Attempts)));
        Assert.True(string.CompareOrdinal(later, third) > 0, $"{later} sorts before {third}");
    }

    [Fact]
    public void A_half_written_file_is_dropped_and_an_unreadable_one_set_aside()
    {
        var spool = Open();
        var kept = spool.Add(Event("kept"));
        File.WriteAllText(Path.Combine(_directory, "0000000000000000099.json.tmp"), "{\"Functi");
        File.WriteAllText(Path.Combine(_directory, "0000000000000000098.json"), "not json");

        var (items, unreadable) = Open().Load();

        Assert.Equal([kept], items.Select(i => i.Key));
        Assert.Contains("0000000000000000098.json", Assert.Single(unreadable), StringComparison.Ordinal);
        Assert.Equal(
            [kept + ".json", "0000000000000000098.json.unreadable"],
            Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private WorkSpool<QueuedEvent> Open() => new(_directory, EventQueueJsonContext.Default.QueuedEvent);

    private static QueuedEvent Event(string requestId) => new("fn", requestId, "{}"u8.ToArray(), "Root=1-00000000-000000000000000000000000", Accepted);
}
