using System.Text.Json.Serialization;

namespace Pipeline.LocalGlueJob;

/// <summary>The run summary, bookmarks and <c>--partitions</c>.</summary>
[JsonSerializable(typeof(RunSummary))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class LocalGlueJobJsonContext : JsonSerializerContext;
