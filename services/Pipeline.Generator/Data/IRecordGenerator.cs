using System.Text.Json;

namespace Pipeline.Generator.Data;

/// <summary>Writes valid records of one dataset; the simulated clock and the flaws are the caller's business.</summary>
public interface IRecordGenerator
{
    /// <summary>Writes one record, a JSON object whose time field is <paramref name="eventTime"/>, without a <c>traceparent</c>.</summary>
    void Write(Utf8JsonWriter writer, DateTimeOffset eventTime);
}
