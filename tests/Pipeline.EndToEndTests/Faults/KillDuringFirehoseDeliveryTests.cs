using Pipeline.EndToEndTests.Infrastructure;

namespace Pipeline.EndToEndTests.Faults;

/// <summary>
/// LocalCloud killed (SIGKILL) in the middle of a Firehose delivery: the objects of the delivery are in S3, its
/// checkpoint is not. Started again, it writes the same plan again to the same keys, so every acknowledged record
/// reaches stage once. (CrashSafetyTests kills it earlier, while the records are only buffered.)
/// </summary>
public sealed class KillDuringFirehoseDeliveryTests
{
    [Fact]
    public async Task Records_of_a_delivery_cut_off_before_its_checkpoint_reach_stage_once()
    {
        await using var scenario = await FaultScenario.RunAsync("FirehoseObjectsWritten", 400);

        await scenario.AssertStageHoldsEveryRecordOnceAsync(TimeSpan.FromSeconds(90));
        await scenario.AssertNothingStuckAsync(TimeSpan.FromSeconds(30));
    }
}
