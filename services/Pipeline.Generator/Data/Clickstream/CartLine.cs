namespace Pipeline.Generator.Data.Clickstream;

/// <summary>A product in a visitor's cart.</summary>
internal sealed record CartLine(ShopProduct Product, int Quantity)
{
    public double Amount => Product.Price * Quantity;
}
