using System.Text.Json.Serialization;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Glue.Crawlers;

namespace Pipeline.LocalCloud.Glue.Api;

/// <summary>Glue's JSON 1.1 shapes and the catalog file: member names as the model spells them, absent members omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GlueRequest))]
[JsonSerializable(typeof(GlueResponse))]
[JsonSerializable(typeof(GlueCatalogState))]
[JsonSerializable(typeof(CreateCrawlerRequest))]
[JsonSerializable(typeof(CrawlerResponse))]
[JsonSerializable(typeof(List<Crawler>))]
internal sealed partial class GlueApiJsonContext : JsonSerializerContext;
