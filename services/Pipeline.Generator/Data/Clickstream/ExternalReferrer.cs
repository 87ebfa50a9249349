using System.Text.Json;
using Pipeline.Generator.Data.Json;

namespace Pipeline.Generator.Data.Clickstream;

/// <summary>Where a visit comes from; a null address is a direct visit (typed or bookmarked).</summary>
internal sealed record ExternalReferrer(string? Url, double Weight)
{
    public JsonEncodedText? UrlJson { get; } = Url is null ? null : RecordJson.Encode(Url);
}
