namespace Pipeline.LocalCloud.Lambda.Api;

/// <summary>UpdateFunctionConfiguration's body: a member left out keeps its value; <c>Environment</c> replaces all variables.</summary>
internal sealed class UpdateFunctionConfigurationInput
{
    public string? Role { get; set; }

    public string? Handler { get; set; }

    public string? Description { get; set; }

    public int? Timeout { get; set; }

    public int? MemorySize { get; set; }

    public EnvironmentInput? Environment { get; set; }

    public DeadLetterConfigDocument? DeadLetterConfig { get; set; }

    public string? Runtime { get; set; }

    public string? RevisionId { get; set; }
}
