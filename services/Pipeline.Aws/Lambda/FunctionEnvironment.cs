namespace Pipeline.Aws.Lambda;

public sealed record FunctionEnvironment(IReadOnlyDictionary<string, string> Variables);
