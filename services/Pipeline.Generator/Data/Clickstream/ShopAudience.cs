using Pipeline.Contracts.Events.Clickstream;

namespace Pipeline.Generator.Data.Clickstream;

/// <summary>Who visits the shop: their devices, where they are, where they come from.</summary>
internal static class ShopAudience
{
    public static readonly IReadOnlyList<DeviceProfile> Devices =
    [
        new(new DeviceInfo(DeviceType.Desktop, "Windows 11", "Chrome 131"), 18),
        new(new DeviceInfo(DeviceType.Desktop, "Windows 10", "Edge 131"), 8),
        new(new DeviceInfo(DeviceType.Desktop, "Windows 11", "Firefox 133"), 4),
        new(new DeviceInfo(DeviceType.Desktop, "macOS 15", "Safari 18.2"), 7),
        new(new DeviceInfo(DeviceType.Desktop, "macOS 14", "Chrome 130"), 5),
        new(new DeviceInfo(DeviceType.Desktop, "Ubuntu 24.04", "Firefox 133"), 1),
        new(new DeviceInfo(DeviceType.Mobile, "iOS 18.2", "Safari 18.2"), 22),
        new(new DeviceInfo(DeviceType.Mobile, "Android 15", "Chrome 131"), 18),
        new(new DeviceInfo(DeviceType.Mobile, "Android 14", "Samsung Internet 26"), 5),
        new(new DeviceInfo(DeviceType.Tablet, "iPadOS 18.2", "Safari 18.2"), 8),
        new(new DeviceInfo(DeviceType.Tablet, "Android 14", "Chrome 131"), 4),
    ];

    public static readonly IReadOnlyList<ShopPlace> Places =
    [
        new("US", "New York"),
        new("US", "San Francisco"),
        new("US", "Chicago"),
        new("US", "Austin"),
        new("CA", "Toronto"),
        new("GB", "London"),
        new("GB", "Manchester"),
        new("DE", "Berlin"),
        new("DE", "Munich"),
        new("FR", "Paris"),
        new("NL", "Amsterdam"),
        new("SE", "Stockholm"),
        new("SE", "Gothenburg"),
        new("ES", "Madrid"),
        new("IT", "Milan"),
        new("PL", "Warsaw"),
        new("JP", "Tokyo"),
        new("AU", "Sydney"),
        new("BR", "São Paulo"),
        new("IN", "Bengaluru"),
    ];

    public static readonly IReadOnlyList<ExternalReferrer> Referrers =
    [
        new(null, 35),
        new("https://www.google.com/", 35),
        new("https://www.bing.com/", 5),
        new("https://duckduckgo.com/", 2),
        new("https://www.facebook.com/", 8),
        new("https://www.instagram.com/", 5),
        new("https://news.example-mail.com/weekly-deals", 10),
    ];
}
