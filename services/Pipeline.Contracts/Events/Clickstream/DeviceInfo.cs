namespace Pipeline.Contracts.Events.Clickstream;

/// <summary>The device a session runs on.</summary>
public sealed record DeviceInfo(DeviceType Type, string Os, string Browser);
