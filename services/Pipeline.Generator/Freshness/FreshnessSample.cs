namespace Pipeline.Generator.Freshness;

/// <summary>A sent record followed until it is queryable: its id, when Firehose accepted it, and when a query first found it.</summary>
public sealed record FreshnessSample(string Id, DateTimeOffset SentAt)
{
    public DateTimeOffset? QueryableAt { get; set; }

    public TimeSpan? Latency => QueryableAt - SentAt;
}
