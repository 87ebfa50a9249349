namespace Pipeline.LocalCloud.Lambda.Functions;

/// <summary>
/// A function as LocalCloud keeps it (in <c>lambda/&lt;name&gt;/function.json</c>): its configuration and the identity of
/// its code, which is unpacked beside it. Changes create a new definition with a new <see cref="RevisionId"/>.
/// </summary>
internal sealed record FunctionDefinition
{
    public required string FunctionName { get; init; }

    public required string Runtime { get; init; }

    public required string Role { get; init; }

    public required string Handler { get; init; }

    public string? Description { get; init; }

    public int Timeout { get; init; } = LambdaLimits.DefaultTimeoutSeconds;

    public int MemorySize { get; init; } = LambdaLimits.DefaultMemoryMb;

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<string> Architectures { get; init; } = ["x86_64"];

    public long CodeSize { get; init; }

    /// <summary>Base64 SHA-256 of the deployment package, as Lambda reports it.</summary>
    public string CodeSha256 { get; init; } = "";

    public DateTimeOffset LastModified { get; init; }

    public string RevisionId { get; init; } = "";

    /// <summary>Null when the function has no reserved concurrency (LocalCloud's default pool size applies).</summary>
    public int? ReservedConcurrentExecutions { get; init; }

    /// <summary>The SQS queue or SNS topic that gets an Event invocation whose retries are spent (<c>DeadLetterConfig</c>); null for none.</summary>
    public string? DeadLetterTargetArn { get; init; }
}

/// <summary>Whether two definitions run the same way, so a change between them needs fresh processes.</summary>
internal static class FunctionDefinitionComparer
{
    /// <summary>
    /// True when a process started with <paramref name="before"/> can serve <paramref name="after"/>: a change of
    /// description or reserved concurrency keeps the warm processes, a change of code or environment does not.
    /// </summary>
    public static bool RunsTheSame(FunctionDefinition before, FunctionDefinition after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return before.CodeSha256 == after.CodeSha256
            && before.Runtime == after.Runtime
            && before.Handler == after.Handler
            && before.Role == after.Role
            && before.Timeout == after.Timeout
            && before.MemorySize == after.MemorySize
            && before.Architectures.SequenceEqual(after.Architectures)
            && before.Environment.Count == after.Environment.Count
            && before.Environment.All(v => after.Environment.TryGetValue(v.Key, out var value) && value == v.Value);
    }
}
