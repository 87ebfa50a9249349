using System.Diagnostics;
using System.Text.Json;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.UnitTests.ServiceDefaults;

/// <summary>A W3C traceparent travels inside a JSON record and comes back out unchanged.</summary>
public sealed class TraceContextInRecordsTests
{
    private static readonly ActivityContext Context = new(
        ActivityTraceId.CreateFromString("4bf92f3577b34da6a3ce929d0e0e4736"),
        ActivitySpanId.CreateFromString("00f067aa0ba902b7"),
        ActivityTraceFlags.Recorded);

    [Fact]
    public void Format_writes_the_W3C_form_and_parse_reads_it_back()
    {
        var text = TraceParent.Format(Context);

        Assert.Equal("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", text);
        Assert.True(TraceParent.TryParse(text, out var parsed));
        Assert.Equal((Context.TraceId, Context.SpanId, Context.TraceFlags), (parsed.TraceId, parsed.SpanId, parsed.TraceFlags));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00-00000000000000000000000000000000-00f067aa0ba902b7-01")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7")]
    [InlineData("not a traceparent at all, but exactly fifty-five chars!")]
    public void Invalid_values_are_not_parsed(string? value)
    {
        Assert.False(TraceParent.TryParse(value, out _));
    }

    [Fact]
    public void Inject_sets_the_field_replacing_any_old_one_and_keeps_the_rest()
    {
        var record = """{"event_id":"e1","traceparent":"00-11111111111111111111111111111111-2222222222222222-01","nested":{"a":[1,2]}}"""u8;

        var injected = RecordTraceContext.Inject(record, Context);

        using var document = JsonDocument.Parse(injected);
        Assert.Equal("e1", document.RootElement.GetProperty("event_id").GetString());
        Assert.Equal(2, document.RootElement.GetProperty("nested").GetProperty("a").GetArrayLength());
        Assert.Single(document.RootElement.EnumerateObject(), p => p.Name == "traceparent");
        Assert.True(RecordTraceContext.TryExtract(injected, out var extracted));
        Assert.Equal(Context.SpanId, extracted.SpanId);
    }

    [Theory]
    [InlineData("""{"event_id":"e1"}""")]
    [InlineData("""{"traceparent":42}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""not json""")]
    [InlineData("""{"nested":{"traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}}""")]
    public void Records_without_a_top_level_traceparent_have_none(string json)
    {
        Assert.False(RecordTraceContext.TryExtract(System.Text.Encoding.UTF8.GetBytes(json), out _));
    }

    [Fact]
    public void Only_objects_can_carry_a_trace_context()
    {
        Assert.Throws<ArgumentException>(() => RecordTraceContext.Inject("[1]"u8, Context));
    }
}
