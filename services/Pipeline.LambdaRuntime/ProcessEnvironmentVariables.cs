namespace Pipeline.LambdaRuntime;

/// <summary>The real process environment.</summary>
public sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    private ProcessEnvironmentVariables()
    {
    }

    /// <summary>The one instance: there is only one process environment.</summary>
    public static ProcessEnvironmentVariables Instance { get; } = new();

    /// <inheritdoc/>
    public string? Get(string name) => Environment.GetEnvironmentVariable(name);

    /// <inheritdoc/>
    public void Set(string name, string? value) => Environment.SetEnvironmentVariable(name, value);
}
