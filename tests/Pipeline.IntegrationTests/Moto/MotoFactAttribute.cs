using Xunit;

namespace Pipeline.IntegrationTests.Moto;

/// <summary>
/// A fact that needs moto_server. Without it the test is reported as skipped, with the reason, instead of passing
/// vacuously; in CI (<c>CI=true</c>) it runs anyway and fails on the missing server.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MotoFactAttribute : FactAttribute
{
    public MotoFactAttribute()
    {
        if (MotoLocator.MissingReason is { } reason && !MotoLocator.IsCi)
        {
            Skip = reason;
        }
    }
}
