namespace Pipeline.EtlJobRunner.Running;

/// <summary>A raw crawler reported <c>Failed</c>: the invocation fails so the Lambda error metric and alarm see it.</summary>
public sealed class CrawlFailedException(string crawler, string message) : Exception($"Crawler {crawler} failed: {message}")
{
    public string Crawler { get; } = crawler;
}
