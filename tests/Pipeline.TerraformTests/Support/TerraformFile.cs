using System.Text.Json.Nodes;

namespace Pipeline.TerraformTests.Support;

/// <summary>
/// One .tf file: its path relative to the parsed folder, its text, its JSON form or the parse error, and whether
/// hclwrite (the formatter of <c>terraform fmt</c>) leaves it unchanged.
/// </summary>
public sealed record TerraformFile(string Path, string Text, JsonObject? Json, string? Error, bool Formatted)
{
    public string Folder => System.IO.Path.GetDirectoryName(Path)!.Replace('\\', '/');
}
