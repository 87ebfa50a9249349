using Pipeline.Contracts.Events.Clickstream;

namespace Pipeline.Generator.Data.Clickstream;

/// <summary>A device/OS/browser combination that occurs in the wild, and how common it is.</summary>
internal sealed record DeviceProfile(DeviceInfo Device, double Weight);
