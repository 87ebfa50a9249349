using System.Text.Json.Serialization;
using Pipeline.LocalCloud.Glue.Jobs.Api;
using Pipeline.LocalCloud.Glue.Jobs.Etl;

namespace Pipeline.LocalCloud.Glue.Jobs;

/// <summary>The job operations' shapes, the persisted jobs and runs, events, run summaries and bookmarks.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JobsRequest))]
[JsonSerializable(typeof(JobsResponse))]
[JsonSerializable(typeof(List<Job>))]
[JsonSerializable(typeof(List<JobRun>))]
[JsonSerializable(typeof(JobRunState))]
[JsonSerializable(typeof(JobStateChangeDetail))]
[JsonSerializable(typeof(RunSummary))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class GlueJobsJsonContext : JsonSerializerContext;
