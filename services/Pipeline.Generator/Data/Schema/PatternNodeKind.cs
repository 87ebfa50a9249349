namespace Pipeline.Generator.Data.Schema;

/// <summary>The shapes of the regular-expression subset that <see cref="PatternGenerator"/> can invert.</summary>
internal enum PatternNodeKind
{
    /// <summary>One character out of <see cref="PatternNode.Choices"/>.</summary>
    Chars,

    /// <summary>The children one after another.</summary>
    Sequence,

    /// <summary>One of the children.</summary>
    Alternation,

    /// <summary>The single child between <see cref="PatternNode.Min"/> and <see cref="PatternNode.Max"/> times.</summary>
    Repeat,
}
