namespace Pipeline.Generator.Data.Clickstream;

/// <summary>A department of the shop and the products it lists.</summary>
internal sealed record ShopCategory(string Slug, string Name, IReadOnlyList<ShopProduct> Products);
