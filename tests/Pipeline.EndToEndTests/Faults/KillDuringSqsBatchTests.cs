using Pipeline.EndToEndTests.Infrastructure;

namespace Pipeline.EndToEndTests.Faults;

/// <summary>
/// LocalCloud killed after the crawler trigger has processed an SQS batch (it started the crawler) and before the
/// batch's messages were deleted. Started again, the messages come back after their visibility timeout and are
/// processed again; the crawl and ETL they cause again add nothing, so stage holds each record once and no message
/// ends in the dead-letter queue.
/// </summary>
public sealed class KillDuringSqsBatchTests
{
    [Fact]
    public async Task A_batch_processed_but_not_deleted_is_redelivered_and_adds_nothing_twice()
    {
        await using var scenario = await FaultScenario.RunAsync("SqsMessageDeleted", 400);

        await scenario.AssertStageHoldsEveryRecordOnceAsync(TimeSpan.FromSeconds(90));
        await scenario.AssertNothingStuckAsync(TimeSpan.FromSeconds(30));
    }
}
