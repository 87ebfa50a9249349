using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Pipeline.IntegrationTests.Moto;

/// <summary>Raw JSON requests for operations the typed clients do not wrap (test setup only).</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class MotoJsonContext : JsonSerializerContext;
