using Pipeline.AppHostTests.Infrastructure;

namespace Pipeline.AppHostTests.Telemetry;

/// <summary>
/// A generator batch can be followed, by parent/child and span links, through every hop of the flow, in the
/// dashboard's own telemetry.
/// </summary>
[Collection(RunningPipelineCollection.Name)]
public sealed class OneTraceFollowsABatchTests(RunningPipeline pipeline)
{
    private static readonly string[] Services =
    [
        "generator-clickstream",
        "localcloud",
        "pipeline-local-firehose-transformer",
        "pipeline-local-crawler-trigger",
        "pipeline-local-etl-runner",
        "pipeline-local-notifier",
    ];

    [Fact]
    public async Task A_burst_batch_reaches_the_transformer_crawler_trigger_etl_runner_and_notifier()
    {
        await pipeline.BurstNotificationsAsync();

        // The last spans (the notifier's) may still be on their way to the dashboard.
        var reached = new HashSet<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        IReadOnlyList<SpanRecord> spans = [];
        while (DateTime.UtcNow < deadline)
        {
            spans = await DashboardTelemetry.SpansAsync(pipeline.Host.Dashboard);
            var graph = new SpanGraph(spans);
            var batches = spans.Where(s => s.Service == "generator-clickstream" && s.Name.StartsWith("send ", StringComparison.Ordinal)).ToArray();
            Assert.NotEmpty(batches);
            reached = batches.SelectMany(graph.Reachable).Select(s => s.Service).ToHashSet();
            if (Services.All(reached.Contains))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var missing = Services.Except(reached).ToArray();
        Assert.True(
            missing.Length == 0,
            $"not reached from a generator batch: {string.Join(", ", missing)}; reached: {string.Join(", ", reached)}; span kinds seen: "
            + string.Join(", ", spans.Select(s => $"{s.Service}/{s.Name}").Distinct().Order()));
    }
}
