using System.Text.Json.Serialization;
using Pipeline.LocalCloud.Glue.Jobs.Api;

namespace Pipeline.LocalCloud.Glue.Jobs;

/// <summary>The job operations' shapes, the persisted jobs and runs, and events.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JobsRequest))]
[JsonSerializable(typeof(JobsResponse))]
[JsonSerializable(typeof(List<Job>))]
[JsonSerializable(typeof(List<JobRun>))]
[JsonSerializable(typeof(JobRunState))]
[JsonSerializable(typeof(JobStateChangeDetail))]
internal sealed partial class GlueJobsJsonContext : JsonSerializerContext;
