using System.Text.Json.Nodes;

namespace Pipeline.TerraformTests.Support;

/// <summary>The blocks of one folder's .tf files.</summary>
public sealed class TerraformModule
{
    public TerraformModule(string folder, IReadOnlyList<TerraformFile> files)
    {
        Folder = folder;
        Files = files;
        var blocks = new List<TerraformBlock>();
        var locals = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var (kind, value) in file.Json!)
            {
                switch (kind)
                {
                    case "resource" or "data":
                        foreach (var (type, byName) in value!.AsObject())
                        {
                            foreach (var (name, bodies) in byName!.AsObject())
                            {
                                blocks.AddRange(bodies!.AsArray().Select(b => new TerraformBlock(file.Path, kind, type, name, b!.AsObject())));
                            }
                        }

                        break;
                    case "module" or "variable" or "output":
                        foreach (var (name, bodies) in value!.AsObject())
                        {
                            blocks.AddRange(bodies!.AsArray().Select(b => new TerraformBlock(file.Path, kind, "", name, b!.AsObject())));
                        }

                        break;
                    case "locals":
                        foreach (var body in value!.AsArray())
                        {
                            foreach (var (name, expression) in body!.AsObject())
                            {
                                locals[name] = expression;
                            }
                        }

                        break;
                }
            }
        }

        Blocks = blocks;
        Locals = locals;
    }

    public string Folder { get; }

    public IReadOnlyList<TerraformFile> Files { get; }

    public IReadOnlyList<TerraformBlock> Blocks { get; }

    public IReadOnlyDictionary<string, JsonNode?> Locals { get; }

    public IEnumerable<TerraformBlock> OfKind(string kind) => Blocks.Where(b => b.Kind == kind);

    public IEnumerable<TerraformBlock> Resources(string type) => Blocks.Where(b => b.Kind == "resource" && b.Type == type);
}
