namespace Pipeline.Generator.Data.Clickstream;

/// <summary>A product with its page address and price.</summary>
internal sealed record ShopProduct(string Id, string Name, string CategorySlug, string Url, double Price);
