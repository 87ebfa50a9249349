using System.Text.Json;
using Bogus;
using Pipeline.Contracts.Events;

namespace Pipeline.Generator.Data.Clickstream;

/// <summary>
/// Events of many concurrent shop visits for dataset <c>clickstream</c>. Each record advances a randomly chosen live
/// visit by one step; a visit that ends makes room for a new one, so the number of live visits stays constant.
/// </summary>
public sealed class ClickstreamGenerator : IRecordGenerator
{
    public const string DatasetName = "clickstream";

    /// <summary>Average simulated time between two events of one visit when the pool is sized from the rate.</summary>
    public static readonly TimeSpan MeanEventGap = TimeSpan.FromSeconds(8);

    private const int MaxConcurrentSessions = 20_000;
    private const int UserPool = 100_000;

    private readonly Randomizer _random;
    private readonly ShopCatalog _shop;
    private readonly ShopSession?[] _sessions;

    public ClickstreamGenerator(int seed, int concurrentSessions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrentSessions, 1);
        _random = new Randomizer(seed);
        _shop = new ShopCatalog(_random);
        _sessions = new ShopSession?[concurrentSessions];
    }

    /// <summary>A pool in which each visit acts about every <see cref="MeanEventGap"/> at <paramref name="rate"/> records/s.</summary>
    public static int ConcurrentSessionsFor(double rate) =>
        (int)Math.Clamp(Math.Round(rate * MeanEventGap.TotalSeconds), 1, MaxConcurrentSessions);

    public void Write(Utf8JsonWriter writer, DateTimeOffset eventTime)
    {
        var slot = _random.Number(0, _sessions.Length - 1);
        var eventId = _random.UuidV4();
        var session = _sessions[slot] ??= new ShopSession(_random, _shop, UserPool);
        var click = session.Next(_random, eventTime, eventId);
        if (click is null)
        {
            // The visitor left; a new visit takes the slot, and its landing always yields an event.
            session = _sessions[slot] = new ShopSession(_random, _shop, UserPool);
            click = session.Next(_random, eventTime, eventId)
                ?? throw new InvalidOperationException("A new shop visit produced no landing event.");
        }

        JsonSerializer.Serialize(writer, click, EventsJsonContext.Default.ClickstreamEvent);
    }
}
