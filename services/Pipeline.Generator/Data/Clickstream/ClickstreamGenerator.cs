using System.Text.Json;
using Bogus;
using Pipeline.Contracts.Events;
using Pipeline.Contracts.Events.Clickstream;
using Pipeline.Generator.Data.Json;

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

    /// <summary>
    /// Writes the record <see cref="ClickstreamEvent"/> serialises to (same fields, order, omitted nulls and number
    /// text), field by field from the visit: no event object, no string per field.
    /// </summary>
    public void Write(Utf8JsonWriter writer, DateTimeOffset eventTime)
    {
        var slot = _random.Number(0, _sessions.Length - 1);
        var eventId = _random.NextUuidV4();
        var session = _sessions[slot] ??= new ShopSession(_random, _shop, UserPool);
        var step = session.Next(_random);
        if (step is null)
        {
            // The visitor left; a new visit takes the slot, and its landing always yields an event.
            session = _sessions[slot] = new ShopSession(_random, _shop, UserPool);
            step = session.Next(_random) ?? throw new InvalidOperationException("A new shop visit produced no landing event.");
        }

        var (action, value) = step.Value;
        writer.WriteStartObject();
        writer.WriteUuid(Names.EventId, eventId);
        writer.WriteString(Names.EventTime, eventTime);
        writer.WriteString(Names.SessionId, session.IdJson);
        if (session.UserIdJson is { } userId)
        {
            writer.WriteString(Names.UserId, userId);
        }

        writer.WriteString(Names.Action, Names.Actions[(int)action]);
        writer.WriteStartObject(Names.Page);
        writer.WriteString(Names.Url, session.Page.UrlJson);
        writer.WriteString(Names.Title, session.Page.TitleJson);
        if (session.Referrer is { } referrer)
        {
            writer.WriteString(Names.Referrer, referrer);
        }

        writer.WriteEndObject();
        writer.WriteStartObject(Names.Device);
        writer.WriteString(Names.Type, Names.DeviceTypes[(int)session.Device.Device.Type]);
        writer.WriteString(Names.Os, session.Device.OsJson);
        writer.WriteString(Names.Browser, session.Device.BrowserJson);
        writer.WriteEndObject();
        writer.WriteStartObject(Names.Geo);
        writer.WriteString(Names.Country, session.Place.CountryJson);
        writer.WriteString(Names.City, session.Place.CityJson);
        writer.WriteEndObject();
        if (value is { } amount)
        {
            // Amounts are rounded to cents where they are made.
            writer.WriteRounded(Names.Value, amount, 2);
        }

        writer.WriteEndObject();
    }

    /// <summary>The contract's snake_case names (<see cref="EventsJsonContext"/>), encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText EventId = RecordJson.Encode("event_id");
        public static readonly JsonEncodedText EventTime = RecordJson.Encode("event_time");
        public static readonly JsonEncodedText SessionId = RecordJson.Encode("session_id");
        public static readonly JsonEncodedText UserId = RecordJson.Encode("user_id");
        public static readonly JsonEncodedText Action = RecordJson.Encode("action");
        public static readonly JsonEncodedText Page = RecordJson.Encode("page");
        public static readonly JsonEncodedText Url = RecordJson.Encode("url");
        public static readonly JsonEncodedText Title = RecordJson.Encode("title");
        public static readonly JsonEncodedText Referrer = RecordJson.Encode("referrer");
        public static readonly JsonEncodedText Device = RecordJson.Encode("device");
        public static readonly JsonEncodedText Type = RecordJson.Encode("type");
        public static readonly JsonEncodedText Os = RecordJson.Encode("os");
        public static readonly JsonEncodedText Browser = RecordJson.Encode("browser");
        public static readonly JsonEncodedText Geo = RecordJson.Encode("geo");
        public static readonly JsonEncodedText Country = RecordJson.Encode("country");
        public static readonly JsonEncodedText City = RecordJson.Encode("city");
        public static readonly JsonEncodedText Value = RecordJson.Encode("value");
        public static readonly JsonEncodedText[] Actions = RecordJson.EnumNames(EventsJsonContext.Default.ClickAction);
        public static readonly JsonEncodedText[] DeviceTypes = RecordJson.EnumNames(EventsJsonContext.Default.DeviceType);
    }
}
