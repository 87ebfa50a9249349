namespace Pipeline.LocalCloud.Glue.Jobs.Api;

/// <summary>What a job runs: <see cref="Name"/> <c>glueetl</c>, and the script LocalCloud matches by file name.</summary>
internal sealed record JobCommand
{
    public string? Name { get; init; }

    public string? ScriptLocation { get; init; }

    public string? PythonVersion { get; init; }

    public string? Runtime { get; init; }
}
