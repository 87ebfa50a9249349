using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Aws.Glue;
using Pipeline.Contracts.Aws.EventBridge;
using Pipeline.Contracts.Datasets;
using Pipeline.EtlJobRunner.Running;

namespace Pipeline.UnitTests.Functions.EtlJobRunner;

/// <summary>An <see cref="EtlJobStarter"/> over fakes, with the built-in datasets and the <c>pipeline-test</c> prefix.</summary>
internal sealed class RunnerFixture
{
    public const string Crawler = "pipeline-test-vehicle_telemetry-raw";
    public const string Job = "pipeline-test-vehicle_telemetry-etl";
    public const string TraceParentValue = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    /// <summary>The reference success event's completion time.</summary>
    public static readonly DateTimeOffset Completion = new(2017, 11, 11, 1, 25, 0, TimeSpan.Zero);

    public FakeGlueClient Glue { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Completion.AddSeconds(5));

    /// <summary>Every backoff the starter asked for, in order.</summary>
    public List<TimeSpan> Delays { get; } = [];

    public RecordingLogger<EtlJobStarter> Log { get; } = new();

    public RunnerSettings Settings { get; set; } = new(FunctionEvents.Prefix);

    public EtlJobStarter Starter => new(Glue, DatasetCatalog.BuiltIn(), Settings, Clock, Log, DelayAsync);

    /// <summary>A reference crawler event, renamed to this deployment's vehicle crawler.</summary>
    public static EventBridgeEvent<GlueCrawlerStateChange> Event(string file, string crawler = Crawler, Action<JsonObject>? edit = null)
    {
        var json = FunctionEvents.ReferenceObject(file);
        json["detail"]!["crawlerName"] = crawler;
        edit?.Invoke(json);
        return FunctionEvents.Crawler(json.ToJsonString());
    }

    // The starter's delay seam: the backoff is recorded and passes on the fake clock at once, so a retry budget of
    // ~30 s is checked without waiting and the clock the starter reads has moved on as it would have.
    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        Delays.Add(delay);
        Clock.Advance(delay);
        return Task.CompletedTask;
    }
}
