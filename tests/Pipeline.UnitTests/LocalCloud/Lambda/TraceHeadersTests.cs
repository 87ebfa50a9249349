using Pipeline.LocalCloud.Lambda.Execution;

namespace Pipeline.UnitTests.LocalCloud.LambdaService;

/// <summary>Lambda-Runtime-Trace-Id is an X-Ray header: a new trace, or the caller's continued.</summary>
public sealed class TraceHeadersTests
{
    [Fact]
    public void A_new_trace_has_the_x_ray_format()
    {
        Assert.Matches(@"^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1$", TraceHeaders.For(null, TimeProvider.System));
    }

    [Fact]
    public void The_callers_root_and_sampling_are_continued_with_a_new_parent()
    {
        var header = TraceHeaders.For("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=0", TimeProvider.System);

        Assert.StartsWith("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=", header, StringComparison.Ordinal);
        Assert.DoesNotContain("9a9197af755a6419", header, StringComparison.Ordinal);
        Assert.EndsWith(";Sampled=0", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_header_the_invocation_continues_the_span_localcloud_is_in()
    {
        using var span = new System.Diagnostics.Activity("Firehose deliver").SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start();

        var header = TraceHeaders.For(null, TimeProvider.System);

        var trace = span.TraceId.ToHexString();
        Assert.StartsWith($"Root=1-{trace[..8]}-{trace[8..]};Parent={span.SpanId.ToHexString()};", header, StringComparison.Ordinal);
    }
}
