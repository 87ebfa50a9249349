namespace Pipeline.Aws.Glue;

/// <summary>A job's command: <c>glueetl</c> with its script location.</summary>
public sealed record JobCommand
{
    public string? Name { get; init; }

    public string? ScriptLocation { get; init; }

    public string? PythonVersion { get; init; }
}
