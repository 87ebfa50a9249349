using System.Text.Json.Serialization;

namespace Pipeline.IntegrationTests.LocalCloud.Athena;

[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string))]
internal sealed partial class IntegrationJsonContext : JsonSerializerContext;
