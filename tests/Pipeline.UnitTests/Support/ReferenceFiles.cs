using System.Reflection;

namespace Pipeline.UnitTests.Support;

/// <summary>
/// Finds the shared reference data (<c>shared/reference</c>, beside the checkout) and the test fixtures.
/// CI always has it; a checkout without it fails loudly rather than testing nothing.
/// </summary>
public static class ReferenceFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    public static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(Path(folder), pattern).Order(StringComparer.Ordinal);

    public static string Fixture(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    /// <summary>The checkout this test assembly was built from.</summary>
    public static string RepositoryRoot { get; } =
        typeof(ReferenceFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;

    private static string FindRoot()
    {
        foreach (var start in new[] { RepositoryRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "shared", "reference");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"shared/reference was not found above {RepositoryRoot} or {AppContext.BaseDirectory}; clone the project with shared/ beside it.");
    }
}
