namespace Pipeline.TerraformTests.Support;

/// <summary>Every .tf file under a folder, grouped into modules (one folder, one module, as Terraform reads them).</summary>
public sealed class TerraformTree(string root, IReadOnlyList<TerraformFile> files)
{
    public string Root { get; } = root;

    public IReadOnlyList<TerraformFile> Files { get; } = files;

    public IReadOnlyDictionary<string, TerraformModule> Modules { get; } = files
        .Where(f => f.Json is not null)
        .GroupBy(f => f.Folder)
        .ToDictionary(g => g.Key, g => new TerraformModule(g.Key, [.. g]), StringComparer.Ordinal);

    /// <summary>The module a call's relative source points at, or null when it is outside the tree or not local.</summary>
    public TerraformModule? Resolve(TerraformModule caller, string source)
    {
        if (!source.StartsWith("./", StringComparison.Ordinal) && !source.StartsWith("../", StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(Root, caller.Folder, source));
        var relative = Path.GetRelativePath(Path.GetFullPath(Root), full).Replace('\\', '/');
        return Modules.GetValueOrDefault(relative);
    }
}
