using Microsoft.Extensions.Time.Testing;
using Pipeline.Contracts.Datasets;
using Pipeline.CrawlerTrigger.Triggering;

namespace Pipeline.UnitTests.Functions.CrawlerTrigger;

/// <summary>A <see cref="CrawlerStarter"/> over fakes, with the built-in datasets and the <c>pipeline-test</c> prefix.</summary>
internal sealed class TriggerFixture
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 5, 30, 0, TimeSpan.Zero);

    public const string VehicleCrawler = "pipeline-test-vehicle_telemetry-raw";
    public const string ClickstreamCrawler = "pipeline-test-clickstream-raw";

    public FakeGlueClient Glue { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Now);

    public RecordingLogger<CrawlerStarter> Log { get; } = new();

    public CrawlerStarter Starter => new(Glue, DatasetCatalog.BuiltIn(), new TriggerSettings(FunctionEvents.Prefix), Clock, Log);

    public static string[] Failed(TriggerOutcome outcome) => outcome.Response.BatchItemFailures.Select(f => f.ItemIdentifier).ToArray();
}
