using System.Text.Json.Nodes;

namespace Pipeline.TerraformTests.Support;

/// <summary>
/// Parses every .tf file under a folder with HashiCorp's HCL parser (the npm package @cdktf/hcl2json, run by
/// tests/terraform-checks/hcl2json.mjs), since Terraform itself cannot be installed where the project is built.
/// </summary>
public static class HclParser
{
    private static readonly Lazy<TerraformTree> Repository = new(() => Parse(RepositoryPaths.Terraform));

    /// <summary>The repository's terraform/ folder, parsed once per test run.</summary>
    public static TerraformTree RepositoryTree => Repository.Value;

    public static TerraformTree Parse(string folder)
    {
        var output = NodeScript.Run("hcl2json.mjs", folder);
        var files = JsonNode.Parse(output)!["files"]!.AsObject();
        var parsed = new List<TerraformFile>();
        foreach (var (path, entry) in files)
        {
            var text = File.ReadAllText(Path.Combine(folder, path));
            parsed.Add(new TerraformFile(
                path, text, entry?["json"]?.AsObject(), entry?["error"]?.GetValue<string>(), entry?["formatted"]?.GetValue<bool>() == true));
        }

        return new TerraformTree(folder, parsed);
    }

    /// <summary>Writes snippets (file name → HCL) to a fresh folder and parses it; for the checks' own tests.</summary>
    public static TerraformTree ParseSnippets(IReadOnlyDictionary<string, string> files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pipeline-tf-" + Guid.NewGuid().ToString("N"));
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        try
        {
            return Parse(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
