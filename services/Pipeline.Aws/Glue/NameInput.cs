namespace Pipeline.Aws.Glue;

internal sealed record NameInput(string Name);
