using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Pipeline.IntegrationTests.Explorer;

[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ExplorerTestJsonContext : JsonSerializerContext;
