using System.Text.Json.Serialization;
using Pipeline.Aws.Athena;
using Pipeline.AwsShapes.Athena;

namespace Pipeline.UnitTests.Explorer;

[JsonSerializable(typeof(GetQueryResultsPage))]
internal sealed partial class ExplorerFixtureJsonContext : JsonSerializerContext
{
    /// <summary>A GetQueryResults answer from <c>Fixtures/Explorer/</c>.</summary>
    public static GetQueryResultsPage Page(string name) =>
        System.Text.Json.JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Explorer", name)), Default.GetQueryResultsPage)!;
}
