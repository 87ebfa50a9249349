namespace Pipeline.UnitTests.LocalCloud.Glue.Fakes;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class SettableTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
