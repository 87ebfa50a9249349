using System.Collections.Concurrent;
using Pipeline.LambdaRuntime;

namespace Pipeline.UnitTests.LambdaRuntime.Fakes;

/// <summary>An environment of the test's own, so parallel tests never share the process-wide one.</summary>
internal sealed class FakeEnvironmentVariables : IEnvironmentVariables
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? this[string name]
    {
        get => Get(name);
        set => Set(name, value);
    }

    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public void Set(string name, string? value)
    {
        if (value is null)
        {
            _values.TryRemove(name, out _);
        }
        else
        {
            _values[name] = value;
        }
    }
}
