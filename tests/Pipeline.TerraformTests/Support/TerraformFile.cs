using System.Text.Json.Nodes;

namespace Pipeline.TerraformTests.Support;

/// <summary>One .tf file: its path relative to the parsed folder, its text, and its JSON form or the parse error.</summary>
public sealed record TerraformFile(string Path, string Text, JsonObject? Json, string? Error)
{
    public string Folder => System.IO.Path.GetDirectoryName(Path)!.Replace('\\', '/');
}
