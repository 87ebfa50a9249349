namespace Pipeline.ShapeGen;

/// <summary>A file the generator writes: its path relative to the repository root, and its text.</summary>
public sealed record GeneratedFile(string RelativePath, string Text);
