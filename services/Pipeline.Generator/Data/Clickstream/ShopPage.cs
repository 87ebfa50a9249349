namespace Pipeline.Generator.Data.Clickstream;

/// <summary>A page of the shop; <see cref="Category"/> and <see cref="Product"/> say what it shows, when it shows one.</summary>
internal sealed record ShopPage(PageKind Kind, string Url, string Title, ShopCategory? Category = null, ShopProduct? Product = null);
