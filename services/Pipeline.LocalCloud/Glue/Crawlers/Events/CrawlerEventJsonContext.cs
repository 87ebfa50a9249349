using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Glue.Crawlers.Events;

/// <summary>The crawler's event details, serialized without reflection.</summary>
[JsonSerializable(typeof(CrawlerStartedDetail))]
[JsonSerializable(typeof(CrawlerSucceededDetail))]
[JsonSerializable(typeof(CrawlerFailedDetail))]
internal sealed partial class CrawlerEventJsonContext : JsonSerializerContext;
