using System.Text.Json.Serialization;
using Pipeline.Aws.Core;

namespace Pipeline.Aws.Glue;

// AWS omits absent members rather than sending null, and expects the same of clients.
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NameInput))]
[JsonSerializable(typeof(CreateCrawlerRequest))]
[JsonSerializable(typeof(CreateDatabaseInput))]
[JsonSerializable(typeof(GetCrawlerOutput))]
[JsonSerializable(typeof(GetTablesInput))]
[JsonSerializable(typeof(GetTablesPage))]
[JsonSerializable(typeof(GetPartitionsInput))]
[JsonSerializable(typeof(GetPartitionsPage))]
[JsonSerializable(typeof(CreateJobRequest))]
[JsonSerializable(typeof(CreateJobOutput))]
[JsonSerializable(typeof(StartJobRunRequest))]
[JsonSerializable(typeof(StartJobRunOutput))]
[JsonSerializable(typeof(GetJobRunInput))]
[JsonSerializable(typeof(GetJobRunOutput))]
[JsonSerializable(typeof(GetJobRunsInput))]
[JsonSerializable(typeof(GetJobRunsPage))]
[JsonSerializable(typeof(GetTableInput))]
[JsonSerializable(typeof(GetTableOutput))]
[JsonSerializable(typeof(TableInputRequest))]
[JsonSerializable(typeof(BatchCreatePartitionInput))]
[JsonSerializable(typeof(BatchCreatePartitionOutput))]
[JsonSerializable(typeof(BatchGetPartitionInput))]
[JsonSerializable(typeof(BatchGetPartitionOutput))]
[JsonSerializable(typeof(AwsEmptyResponse))]
internal sealed partial class GlueJsonContext : JsonSerializerContext;
