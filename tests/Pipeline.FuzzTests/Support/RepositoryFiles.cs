using System.Reflection;

namespace Pipeline.FuzzTests.Support;

/// <summary>Files of the checkout the tests were built from: the corpora and <c>datasets.json</c>.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } =
        typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The corpus folder of one target: <c>tests/Pipeline.FuzzTests/Corpus/&lt;target&gt;</c>.</summary>
    public static string Corpus(string target) => Path.Combine(Root, "tests", "Pipeline.FuzzTests", "Corpus", target);

    /// <summary>Every file of a target's corpus, by name, as bytes (an empty list when the folder is missing).</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> CorpusFiles(string target)
    {
        var folder = Corpus(target);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList()
            : [];
    }
}
