namespace Pipeline.LocalCloud.Athena.Api;

internal sealed record EngineVersion
{
    public const string Latest = "AUTO";

    public const string Effective = "Athena engine version 3";

    public string? SelectedEngineVersion { get; init; }

    public string? EffectiveEngineVersion { get; init; }

    public static EngineVersion Default { get; } = new() { SelectedEngineVersion = Latest, EffectiveEngineVersion = Effective };
}
