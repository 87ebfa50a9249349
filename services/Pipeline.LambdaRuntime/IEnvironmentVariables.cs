namespace Pipeline.LambdaRuntime;

/// <summary>Process environment access, a seam so tests never touch the real (process-wide) environment.</summary>
public interface IEnvironmentVariables
{
    /// <summary>The variable's value, or null when it is not set.</summary>
    string? Get(string name);

    /// <summary>Sets the variable; null removes it.</summary>
    void Set(string name, string? value);
}
