using System.Text.Json.Serialization;
using Pipeline.Aws.Core;

namespace Pipeline.Aws.Athena;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateWorkGroupInput))]
[JsonSerializable(typeof(StartQueryExecutionRequest))]
[JsonSerializable(typeof(StartQueryExecutionOutput))]
[JsonSerializable(typeof(QueryExecutionIdInput))]
[JsonSerializable(typeof(GetQueryExecutionOutput))]
[JsonSerializable(typeof(GetQueryResultsInput))]
[JsonSerializable(typeof(GetQueryResultsPage))]
[JsonSerializable(typeof(WorkGroupInput))]
[JsonSerializable(typeof(GetWorkGroupOutput))]
[JsonSerializable(typeof(AwsEmptyResponse))]
internal sealed partial class AthenaJsonContext : JsonSerializerContext;
