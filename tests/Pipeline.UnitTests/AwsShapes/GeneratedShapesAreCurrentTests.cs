using Pipeline.ShapeGen;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.AwsShapes;

/// <summary>
/// The checked-in shapes in services/Pipeline.AwsShapes are what tools/Pipeline.ShapeGen writes from the carried
/// models and shapes.json today: a model, operation list or generator change must be followed by a regeneration.
/// </summary>
public sealed class GeneratedShapesAreCurrentTests
{
    private static readonly string Regenerate = $"Run `{ShapeGenerator.Command}` from the repository root and commit the result.";

    public static TheoryData<string> Files =>
        [.. ShapeGenerator.GenerateAll(ReferenceFiles.RepositoryRoot).Select(file => file.RelativePath)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Checked_in_file_is_byte_identical_to_the_generators_output(string relativePath)
    {
        var expected = ShapeGenerator.GenerateAll(ReferenceFiles.RepositoryRoot).Single(file => file.RelativePath == relativePath).Text;
        var path = Path.Combine(ReferenceFiles.RepositoryRoot, relativePath);

        Assert.True(File.Exists(path), $"{relativePath} is missing. {Regenerate}");
        Assert.True(File.ReadAllText(path) == expected, $"{relativePath} differs from the generator's output. {Regenerate}");
    }

    [Fact]
    public void Every_generated_file_in_the_library_comes_from_the_generator()
    {
        var generated = ShapeGenerator.GenerateAll(ReferenceFiles.RepositoryRoot).Select(file => file.RelativePath).ToHashSet(StringComparer.Ordinal);
        var folder = Path.Combine(ReferenceFiles.RepositoryRoot, ShapeGenerator.OutputFolder);
        var stale = Directory.EnumerateFiles(folder, "*.g.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(ReferenceFiles.RepositoryRoot, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .Where(path => !generated.Contains(path))
            .ToList();

        Assert.True(stale.Count == 0, $"No longer generated: {string.Join(", ", stale)}. Delete them, or list their service in {ShapeGenerator.SpecPath}.");
    }
}
