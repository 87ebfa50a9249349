namespace Pipeline.LocalCloud.Lambda.Functions;

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
