namespace Pipeline.LocalCloud.Lambda.Api;

/// <summary>CreateFunction's body: the members LocalCloud reads (others, such as VpcConfig or Tags, are accepted and ignored).</summary>
internal sealed class CreateFunctionInput
{
    public string? FunctionName { get; set; }

    public string? Runtime { get; set; }

    public string? Role { get; set; }

    public string? Handler { get; set; }

    public FunctionCodeInput? Code { get; set; }

    public string? Description { get; set; }

    public int? Timeout { get; set; }

    public int? MemorySize { get; set; }

    public EnvironmentInput? Environment { get; set; }

    public DeadLetterConfigDocument? DeadLetterConfig { get; set; }

    public List<string>? Architectures { get; set; }

    public string? PackageType { get; set; }
}
