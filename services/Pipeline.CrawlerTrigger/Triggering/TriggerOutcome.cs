using Pipeline.Contracts.Aws.Sqs;

namespace Pipeline.CrawlerTrigger.Triggering;

/// <summary>What a batch produced: the partial-batch response, and the crawlers started for it.</summary>
public sealed record TriggerOutcome(SqsBatchResponse Response, IReadOnlyList<string> StartedCrawlers);
