using System.Text.Json;
using Pipeline.Contracts.Events.Clickstream;
using Pipeline.Generator.Data.Json;

namespace Pipeline.Generator.Data.Clickstream;

/// <summary>A device/OS/browser combination that occurs in the wild, and how common it is.</summary>
internal sealed record DeviceProfile(DeviceInfo Device, double Weight)
{
    public JsonEncodedText OsJson { get; } = RecordJson.Encode(Device.Os);

    public JsonEncodedText BrowserJson { get; } = RecordJson.Encode(Device.Browser);
}
