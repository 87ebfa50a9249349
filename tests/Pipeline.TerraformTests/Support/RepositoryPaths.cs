using System.Reflection;

namespace Pipeline.TerraformTests.Support;

/// <summary>Where the checked files live: the checkout this assembly was built from, and shared/reference beside it.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> SharedReference = new(FindSharedReference);

    public static string Root { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;

    public static string Terraform => Path.Combine(Root, "terraform");

    public static string ProviderSchema =>
        Path.Combine(SharedReference.Value, "terraform", "aws-provider-6.25.0.schema.json");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindSharedReference()
    {
        for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"shared/reference was not found above {Root}; clone the project with shared/ beside it.");
    }
}
