using System.Text.Json.Serialization;
using Pipeline.AwsShapes.Glue;

namespace Pipeline.LocalCloud.Glue.Jobs;

/// <summary>The persisted jobs and runs, and the job state events.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<Job>))]
[JsonSerializable(typeof(List<JobRun>))]
[JsonSerializable(typeof(JobStateChangeDetail))]
internal sealed partial class GlueJobsJsonContext : JsonSerializerContext;
