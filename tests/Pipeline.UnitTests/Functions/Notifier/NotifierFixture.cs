using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Aws.Glue;
using Pipeline.Contracts.Aws.EventBridge;
using Pipeline.Contracts.Datasets;
using Pipeline.Notifier.Notifying;

namespace Pipeline.UnitTests.Functions.Notifier;

/// <summary>A <see cref="JobNotifier"/> over fakes, with the built-in datasets and the <c>pipeline-test</c> prefix.</summary>
internal sealed class NotifierFixture
{
    public const string Job = "pipeline-test-vehicle_telemetry-etl";
    public const string Topic = "arn:aws:sns:us-east-1:000000000000:pipeline-test-job-notifications";
    public const string Bucket = "pipeline-test-data-lake";
    public const string TraceParentValue = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    public static readonly DateTimeOffset Started = new(2026, 11, 22, 5, 0, 0, TimeSpan.Zero);

    public FakeGlueClient Glue { get; } = new();

    public FakeObjectReader Objects { get; } = new();

    public FakeSnsClient Sns { get; } = new();

    public RecordingLogger<JobNotifier> Log { get; } = new();

    public string LogTemplate { get; set; } = NotifierSettings.DefaultJobLogUrlTemplate;

    public JobNotifier Notifier => new(Glue, Objects, Sns, DatasetCatalog.BuiltIn(), new NotifierSettings(FunctionEvents.Prefix, Topic, LogTemplate), Log);

    /// <summary>A reference job event, renamed to this deployment's vehicle job; the run is registered with Glue.</summary>
    public EventBridgeEvent<GlueJobStateChange> Event(string file, JobRunState state, string? error = null, Dictionary<string, string>? extraArguments = null, string job = Job)
    {
        var json = FunctionEvents.ReferenceObject(file);
        json["detail"]!["jobName"] = job;
        var jobEvent = FunctionEvents.Job(json.ToJsonString());
        var arguments = new Dictionary<string, string>
        {
            ["--dataset"] = "vehicle_telemetry",
            ["--traceparent"] = TraceParentValue,
        };
        foreach (var (key, value) in extraArguments ?? [])
        {
            arguments[key] = value;
        }

        if (!Glue.JobRuns.TryGetValue(job, out var runs))
        {
            Glue.JobRuns[job] = runs = [];
        }

        runs.Add(new JobRun
        {
            Id = jobEvent.Detail.JobRunId,
            JobName = job,
            JobRunState = state,
            StartedOn = Started,
            CompletedOn = Started.AddSeconds(83),
            ExecutionTime = 80,
            ErrorMessage = error,
            Arguments = arguments,
        });
        return jobEvent;
    }

    public void PutSummary(string key, long rowsWritten, params string[] partitions) =>
        Objects.Objects[$"{Bucket}/{key}"] = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["job_name"] = Job,
            ["job_run_id"] = "jr_x",
            ["dataset"] = "vehicle_telemetry",
            ["rows_read"] = rowsWritten + 3,
            ["rows_written"] = rowsWritten,
            ["duplicates_dropped"] = 3,
            ["files_written"] = 2,
            ["partitions"] = new JsonArray(partitions.Select(p => (JsonNode)p).ToArray()),
        }.ToJsonString());
}
