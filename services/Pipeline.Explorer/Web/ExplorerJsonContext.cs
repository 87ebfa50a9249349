using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Explorer.Athena;

namespace Pipeline.Explorer.Web;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(QueryResult))]
[JsonSerializable(typeof(ExplorerConfig))]
[JsonSerializable(typeof(SqlRequest))]
internal sealed partial class ExplorerJsonContext : JsonSerializerContext;
