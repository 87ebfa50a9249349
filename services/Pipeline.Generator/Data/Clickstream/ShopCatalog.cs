using System.Globalization;
using Bogus;
using Bogus.DataSets;

namespace Pipeline.Generator.Data.Clickstream;

/// <summary>The shop's departments and products, drawn once from the seed so that a seeded run sees the same shop.</summary>
internal sealed class ShopCatalog
{
    public const string BaseUrl = "https://shop.example.com";

    private static readonly (string Slug, string Name)[] Departments =
    [
        ("electronics", "Electronics"),
        ("computers", "Computers"),
        ("home-kitchen", "Home & Kitchen"),
        ("garden", "Garden"),
        ("toys", "Toys"),
        ("books", "Books"),
        ("clothing", "Clothing"),
        ("shoes", "Shoes"),
        ("sports", "Sports & Outdoors"),
        ("beauty", "Beauty"),
        ("grocery", "Grocery"),
        ("automotive", "Automotive"),
    ];

    public ShopCatalog(Randomizer random, int productsPerCategory = 40)
    {
        var commerce = new Commerce { Random = random };
        var categories = new List<ShopCategory>(Departments.Length);
        var productId = 10_000;
        foreach (var (slug, name) in Departments)
        {
            var products = new List<ShopProduct>(productsPerCategory);
            for (var i = 0; i < productsPerCategory; i++)
            {
                productId += random.Number(1, 97);
                var productName = commerce.ProductName();
                var id = productId.ToString(CultureInfo.InvariantCulture);
                var url = $"{BaseUrl}/p/{Slugify(productName)}-{id}";

                // Prices spread log-uniformly from a few to a few thousand, ending in .99 as shops do.
                var price = Math.Round(Math.Exp(random.Double(Math.Log(3), Math.Log(2500)))) - 0.01;
                products.Add(new ShopProduct(id, productName, slug, url, Math.Max(0.99, price)));
            }

            categories.Add(new ShopCategory(slug, name, products));
        }

        Categories = categories;
        Home = new ShopPage(PageKind.Home, BaseUrl + "/", "Example Shop | Home");
        Cart = new ShopPage(PageKind.Cart, BaseUrl + "/cart", "Your cart | Example Shop");
        Checkout = new ShopPage(PageKind.Checkout, BaseUrl + "/checkout", "Checkout | Example Shop");
        CategoryPages = categories.ToDictionary(
            c => c.Slug,
            c => new ShopPage(PageKind.Category, $"{BaseUrl}/c/{c.Slug}", $"{c.Name} | Example Shop", Category: c),
            StringComparer.Ordinal);
        ProductPages = categories.SelectMany(c => c.Products.Select(p => (c, p))).ToDictionary(
            x => x.p.Id,
            x => new ShopPage(PageKind.Product, x.p.Url, $"{x.p.Name} | Example Shop", x.c, x.p),
            StringComparer.Ordinal);
    }

    public IReadOnlyList<ShopCategory> Categories { get; }

    public ShopPage Home { get; }

    public ShopPage Cart { get; }

    public ShopPage Checkout { get; }

    private Dictionary<string, ShopPage> CategoryPages { get; }

    private Dictionary<string, ShopPage> ProductPages { get; }

    public ShopPage CategoryPage(ShopCategory category) => CategoryPages[category.Slug];

    public ShopPage ProductPage(ShopProduct product) => ProductPages[product.Id];

    public ShopPage RandomCategoryPage(Randomizer random) => CategoryPage(random.Pick(Categories));

    public ShopPage RandomProductPage(Randomizer random, ShopCategory? within = null) =>
        ProductPage(random.Pick((within ?? random.Pick(Categories)).Products));

    public ShopPage SearchPage(Randomizer random)
    {
        // People search for words of things the shop sells: "granite chair", "shoes".
        var product = random.Pick(random.Pick(Categories).Products);
        var words = product.Name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var take = Math.Min(words.Length, random.Number(1, 2));
        var terms = string.Join(' ', words[^take..]);
        return new ShopPage(PageKind.Search, $"{BaseUrl}/search?q={Uri.EscapeDataString(terms).Replace("%20", "+", StringComparison.Ordinal)}", $"Search: {terms} | Example Shop");
    }

    public static ShopPage Confirmation(string orderId) =>
        new(PageKind.Confirmation, $"{BaseUrl}/checkout/confirmation?order={orderId}", "Thank you for your order | Example Shop");

    private static string Slugify(string name)
    {
        Span<char> buffer = stackalloc char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (length > 0 && buffer[length - 1] != '-')
            {
                buffer[length++] = '-';
            }
        }

        return new string(buffer[..length]).TrimEnd('-');
    }
}
