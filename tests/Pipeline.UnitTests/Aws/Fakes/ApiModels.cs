using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Pipeline.UnitTests.Aws.Fakes;

/// <summary>The official botocore API models in <c>shared/reference/api-models</c>, beside the checkout.</summary>
internal static class ApiModels
{
    public static JsonDocument Load(string service) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ReferenceRoot(), "api-models", service + ".json")));

    // Found from this source file, not the build output: builds may put their output anywhere (--artifacts-path).
    private static string ReferenceRoot([CallerFilePath] string sourceFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"shared/reference was not found above {sourceFile}; clone the project with shared/ beside it.");
    }
}
