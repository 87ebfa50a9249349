using System.Text.Json;
using Pipeline.Generator.Data.Json;

namespace Pipeline.Generator.Data.Clickstream;

/// <summary>A page of the shop; <see cref="Category"/> and <see cref="Product"/> say what it shows, when it shows one.</summary>
internal sealed record ShopPage(PageKind Kind, string Url, string Title, ShopCategory? Category = null, ShopProduct? Product = null)
{
    /// <summary>The address as records carry it (the page's, or the referrer of the page after it), encoded once.</summary>
    public JsonEncodedText UrlJson { get; } = RecordJson.Encode(Url);

    public JsonEncodedText TitleJson { get; } = RecordJson.Encode(Title);
}
