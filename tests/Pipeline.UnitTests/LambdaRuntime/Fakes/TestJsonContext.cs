using System.Text.Json.Serialization;

namespace Pipeline.UnitTests.LambdaRuntime.Fakes;

/// <summary>Source-generated JSON for the tests' events and responses, as a function would have it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Greeting))]
[JsonSerializable(typeof(Reply))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
