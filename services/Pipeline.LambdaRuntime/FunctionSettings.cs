using System.Globalization;

namespace Pipeline.LambdaRuntime;

/// <summary>The function-level <c>AWS_LAMBDA_*</c> settings, read once: Lambda does not change them during the process's life.</summary>
internal sealed record FunctionSettings(
    string SpanName,
    string? FunctionName,
    string? FunctionVersion,
    int? MemoryLimitInMB,
    string? LogGroupName,
    string? LogStreamName)
{
    public static FunctionSettings Read(LambdaRuntimeOptions options)
    {
        var environment = options.Environment;
        var name = NullIfEmpty(environment.Get(LambdaEnvironmentVariables.FunctionName));
        return new FunctionSettings(
            NullIfEmpty(options.FunctionName) ?? name ?? "lambda",
            name,
            NullIfEmpty(environment.Get(LambdaEnvironmentVariables.FunctionVersion)),
            int.TryParse(environment.Get(LambdaEnvironmentVariables.FunctionMemorySize), NumberStyles.None, CultureInfo.InvariantCulture, out var memory) ? memory : null,
            NullIfEmpty(environment.Get(LambdaEnvironmentVariables.LogGroupName)),
            NullIfEmpty(environment.Get(LambdaEnvironmentVariables.LogStreamName)));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
