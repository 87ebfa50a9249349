namespace Pipeline.LocalCloud.Firehose.Prefixes;

/// <summary>One field of a compiled timestamp pattern: a run of one pattern letter, or literal text.</summary>
internal sealed record PatternField(char Letter, int Count, string? Literal)
{
    public static PatternField Text(string literal) => new('\0', 0, literal);
}
