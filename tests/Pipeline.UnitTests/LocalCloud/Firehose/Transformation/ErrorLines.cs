using System.Text;
using System.Text.Json;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Transformation;

/// <summary>The error records in a store's error objects, and helpers to read them.</summary>
internal static class ErrorLines
{
    public static IReadOnlyList<JsonElement> In(FakeObjectStore store, string prefix = "errors/") =>
        store.Objects
            .Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal))
            .SelectMany(o => ObjectText.Of(o).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToArray();

    public static string Code(JsonElement line) => line.GetProperty("errorCode").GetString()!;

    public static string Raw(JsonElement line) => Encoding.UTF8.GetString(line.GetProperty("rawData").GetBytesFromBase64());
}
