using System.Diagnostics;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.UnitTests.ServiceDefaults;

/// <summary>AWS's X-Ray trace header and the W3C context are the same trace and span, both ways.</summary>
public sealed class XRayTraceHeaderTests
{
    [Fact]
    public void An_XRay_header_converts_to_the_same_trace_and_span()
    {
        Assert.True(XRayTraceHeader.TryParse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", out var context));

        Assert.Equal("5759e988bd862e3fe1be46a994272793", context.TraceId.ToHexString());
        Assert.Equal("53995c3f42cd8ad8", context.SpanId.ToHexString());
        Assert.True(context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded));
    }

    [Fact]
    public void A_context_formats_as_the_header_lambda_and_sqs_carry()
    {
        var context = new ActivityContext(
            ActivityTraceId.CreateFromString("5759e988bd862e3fe1be46a994272793"), ActivitySpanId.CreateFromString("53995c3f42cd8ad8"), ActivityTraceFlags.Recorded);

        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", XRayTraceHeader.Format(context));
    }

    [Fact]
    public void Formatting_then_parsing_gives_the_context_back()
    {
        var context = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);

        Assert.True(XRayTraceHeader.TryParse(XRayTraceHeader.Format(context), out var back));
        Assert.Equal(context.TraceId, back.TraceId);
        Assert.Equal(context.SpanId, back.SpanId);
        Assert.Equal(context.TraceFlags, back.TraceFlags);
    }

    [Theory]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793")]
    [InlineData("Root=2-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a99427279;Parent=53995c3f42cd8ad8")]
    [InlineData("garbage")]
    [InlineData("")]
    public void A_header_without_root_and_parent_gives_no_context(string header) =>
        Assert.False(XRayTraceHeader.TryParse(header, out _));
}
