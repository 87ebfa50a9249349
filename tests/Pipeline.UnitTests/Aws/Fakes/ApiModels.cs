using System.Text.Json;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.Aws.Fakes;

/// <summary>The official botocore API models (the subsets in <c>tests/reference/api-models</c>).</summary>
internal static class ApiModels
{
    public static JsonDocument Load(string service) =>
        JsonDocument.Parse(File.ReadAllBytes(ReferenceFiles.Path("api-models", service + ".json")));
}
