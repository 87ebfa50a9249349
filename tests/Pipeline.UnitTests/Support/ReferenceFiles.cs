using System.Reflection;

namespace Pipeline.UnitTests.Support;

/// <summary>
/// Finds the reference data the repository carries (<c>tests/reference</c>: AWS models, sample events, notes) and
/// the test fixtures.
/// </summary>
public static class ReferenceFiles
{
    /// <summary>The checkout this test assembly was built from.</summary>
    public static string RepositoryRoot { get; } =
        typeof(ReferenceFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The folder <c>tests/reference</c> of that checkout.</summary>
    public static string Root { get; } = System.IO.Path.Combine(RepositoryRoot, "tests", "reference");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(Path(folder), pattern).Order(StringComparer.Ordinal);

    public static string Fixture(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);
}
