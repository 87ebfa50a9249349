using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Recovery;

/// <summary>Every record a store holds, from data objects (newline-separated) and error objects (rawData).</summary>
internal static class DeliveredRecords
{
    public static IReadOnlyList<string> In(FakeObjectStore store) =>
        store.Objects
            .Where(o => o.Key.StartsWith("raw/", StringComparison.Ordinal))
            .SelectMany(o => ObjectText.Of(o).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Concat(Transformation.ErrorLines.In(store).Select(Transformation.ErrorLines.Raw).Select(r => r.TrimEnd('\n')))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
