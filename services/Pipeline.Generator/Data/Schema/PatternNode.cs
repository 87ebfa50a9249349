namespace Pipeline.Generator.Data.Schema;

/// <summary>A node of a parsed pattern; what it holds depends on its <see cref="Kind"/>.</summary>
internal sealed class PatternNode
{
    public required PatternNodeKind Kind { get; init; }

    public string Choices { get; init; } = "";

    public List<PatternNode> Children { get; init; } = [];

    public int Min { get; init; }

    public int Max { get; init; }
}
