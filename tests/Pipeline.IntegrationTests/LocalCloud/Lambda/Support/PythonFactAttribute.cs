namespace Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

/// <summary>
/// A fact whose test function runs on python3. Without python3 the test is skipped and says why; in CI
/// (<c>CI=true</c>) it runs anyway and fails on the missing interpreter.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (Tools.PythonMissing is { } reason && !Tools.IsCi)
        {
            Skip = reason;
        }
    }
}
