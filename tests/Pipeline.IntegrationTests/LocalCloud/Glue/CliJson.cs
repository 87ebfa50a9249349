using Pipeline.IntegrationTests.LocalCloud.Cli;
using System.Text.Json.Serialization;

namespace Pipeline.IntegrationTests.LocalCloud.Glue;

/// <summary>JSON arguments for the CLI, serialized without reflection.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class CliJson : JsonSerializerContext;
