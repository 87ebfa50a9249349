using System.Text.Json.Serialization;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Glue.Crawlers;
using Pipeline.LocalCloud.Glue.Jobs;

namespace Pipeline.LocalCloud.Glue.Api;

/// <summary>Glue's files (catalog, crawlers, jobs, runs) and job state events: member names as the model spells them, absent members omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GlueCatalogState))]
[JsonSerializable(typeof(List<StoredCrawler>))]
[JsonSerializable(typeof(List<Job>))]
[JsonSerializable(typeof(List<JobRun>))]
[JsonSerializable(typeof(JobStateChangeDetail))]
internal sealed partial class GlueApiJsonContext : JsonSerializerContext;
