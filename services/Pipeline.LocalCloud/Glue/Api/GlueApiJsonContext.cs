using System.Text.Json.Serialization;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Glue.Crawlers;

namespace Pipeline.LocalCloud.Glue.Api;

/// <summary>The catalog's and the crawlers' files: member names as the model spells them, absent members omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GlueCatalogState))]
[JsonSerializable(typeof(List<StoredCrawler>))]
internal sealed partial class GlueApiJsonContext : JsonSerializerContext;
