using System.Text.Json.Serialization;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

/// <summary>Source-generated JSON for the request bodies the tests build.</summary>
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(double))]
internal sealed partial class TestJson : JsonSerializerContext;
