using System.Reflection;

namespace Pipeline.TerraformTests.Support;

/// <summary>Where the checked files live: the checkout this assembly was built from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;

    public static string Terraform => Path.Combine(Root, "terraform");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
