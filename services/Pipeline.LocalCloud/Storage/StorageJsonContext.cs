using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Storage;

/// <summary>User metadata is kept in the catalog as a small JSON object.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
