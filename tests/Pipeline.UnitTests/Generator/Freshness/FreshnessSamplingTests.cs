using System.Text;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Generator.Freshness;

namespace Pipeline.UnitTests.Generator.Freshness;

/// <summary>The freshness sampler follows one accepted record per interval, up to its limit, and only records with an id.</summary>
public sealed class FreshnessSamplingTests
{
    private static readonly FreshnessOptions Options = new()
    {
        Database = "pipeline",
        Table = "clickstream_stage",
        IdField = "event_id",
        SampleInterval = TimeSpan.FromSeconds(1),
        MaxSamples = 3,
    };

    [Fact]
    public void One_record_per_interval_is_sampled_with_the_time_it_was_accepted()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var sampler = new FreshnessSampler(Options, time);

        Assert.True(sampler.Offer(Record("a")));
        Assert.False(sampler.Offer(Record("b")));
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(sampler.Offer(Record("c")));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(sampler.Offer(Record("d")));

        var samples = sampler.Samples();
        Assert.Equal(new[] { "a", "d" }, samples.Select(s => s.Id));
        Assert.Equal(TimeSpan.FromSeconds(1), samples[1].SentAt - samples[0].SentAt);
    }

    [Fact]
    public void Sampling_stops_at_the_limit()
    {
        var time = new FakeTimeProvider();
        var sampler = new FreshnessSampler(Options, time);

        for (var i = 0; i < 10; i++)
        {
            sampler.Offer(Record($"id-{i}"));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(3, sampler.Samples().Count);
        Assert.False(sampler.Wants());
    }

    [Theory]
    [InlineData("{\"event_id\":\"e-1\",\"n\":1}", "e-1")]
    [InlineData("{\"nested\":{\"event_id\":\"inner\"},\"event_id\":\"outer\"}", "outer")]
    [InlineData("{\"n\":1,\"event_id\":\"f47ac10b-58cc-4372-a567-0e02b2c3d479\"}", "f47ac10b-58cc-4372-a567-0e02b2c3d479")]
    public void The_top_level_id_is_read(string json, string expected)
    {
        Assert.True(FreshnessSampler.TryReadId(Encoding.UTF8.GetBytes(json), "event_id", out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("{\"event_id\":12}")]
    [InlineData("{\"event_id\":\"x' OR '1'='1\"}")]
    [InlineData("{\"event_id\":\"\"}")]
    [InlineData("{\"other\":\"a\"}")]
    [InlineData("{\"event_id\":\"trunc")]
    [InlineData("[1,2]")]
    public void Records_without_a_plain_id_are_not_sampled(string json)
    {
        var sampler = new FreshnessSampler(Options, new FakeTimeProvider());

        Assert.False(FreshnessSampler.TryReadId(Encoding.UTF8.GetBytes(json), "event_id", out _));
        Assert.False(sampler.Offer(Encoding.UTF8.GetBytes(json)));
        Assert.Empty(sampler.Samples());
    }

    private static byte[] Record(string id) => Encoding.UTF8.GetBytes($"{{\"event_id\":\"{id}\",\"value\":1}}");
}
