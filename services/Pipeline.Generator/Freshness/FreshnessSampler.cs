using System.Buffers;
using System.Text.Json;

namespace Pipeline.Generator.Freshness;

/// <summary>
/// Picks sent records to follow: the first accepted record of each <see cref="FreshnessOptions.SampleInterval"/>, up
/// to <see cref="FreshnessOptions.MaxSamples"/>, so the samples spread evenly over the run whatever its rate.
/// Thread-safe: the senders offer records concurrently.
/// </summary>
public sealed class FreshnessSampler
{
    // Only ids that can go into SQL as they are: what the generator writes (UUIDs and the like).
    private static readonly SearchValues<char> SafeIdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    private readonly TimeProvider _time;
    private readonly string _idField;
    private readonly TimeSpan _interval;
    private readonly int _maxSamples;
    private readonly List<FreshnessSample> _samples = [];
    private readonly Lock _lock = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public FreshnessSampler(FreshnessOptions options, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _idField = options.IdField;
        _interval = options.SampleInterval;
        _maxSamples = options.MaxSamples;
    }

    /// <summary>Whether a record accepted now would be sampled; cheap, so the senders ask before looking at the bytes.</summary>
    public bool Wants()
    {
        lock (_lock)
        {
            return _samples.Count < _maxSamples && _time.GetUtcNow() >= _next;
        }
    }

    /// <summary>Offers a record Firehose accepted now; it is sampled when it is due and carries an id.</summary>
    public bool Offer(ReadOnlySpan<byte> record)
    {
        if (!Wants() || !TryReadId(record, _idField, out var id))
        {
            return false;
        }

        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_samples.Count >= _maxSamples || now < _next)
            {
                return false;
            }

            _samples.Add(new FreshnessSample(id, now));
            _next = now + _interval;
            return true;
        }
    }

    /// <summary>The samples taken so far (the list is shared with the probe, which sets <see cref="FreshnessSample.QueryableAt"/>).</summary>
    public IReadOnlyList<FreshnessSample> Samples()
    {
        lock (_lock)
        {
            return [.. _samples];
        }
    }

    /// <summary>The record's top-level id field as text; false for a record that is not a JSON object with a string id.</summary>
    public static bool TryReadId(ReadOnlySpan<byte> record, string idField, out string id)
    {
        id = "";
        try
        {
            var reader = new Utf8JsonReader(record);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var matches = reader.ValueTextEquals(idField);
                reader.Read();
                if (matches)
                {
                    if (reader.TokenType != JsonTokenType.String || reader.GetString() is not { Length: > 0 and <= 128 } text
                        || text.AsSpan().ContainsAnyExcept(SafeIdCharacters))
                    {
                        return false;
                    }

                    id = text;
                    return true;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // A deliberately malformed record: not a sample.
        }

        return false;
    }
}
