namespace Pipeline.IntegrationTests.LocalCloud.Faults;

/// <summary>A fact that needs a small tmpfs to fill: skipped, with the reason in the test report, where none can be mounted.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SmallDiskFactAttribute : FactAttribute
{
    public SmallDiskFactAttribute()
    {
        if (SmallDisk.RefusalReason is { } reason)
        {
            Skip = reason;
        }
    }
}
