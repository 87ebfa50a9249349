using System.Globalization;
using System.Text.Json;
using Bogus;
using Pipeline.Contracts.Events.Clickstream;
using Pipeline.Generator.Data.Json;

namespace Pipeline.Generator.Data.Clickstream;

/// <summary>
/// One visit to the shop. Each step moves the visitor the way shoppers move: in from a search engine or directly, through
/// categories, search and products, back again, into the cart, to checkout and sometimes to a purchase; or away at any
/// point. The device, place and user stay the same for the whole visit. A page's referrer is the page viewed before it.
/// </summary>
internal sealed class ShopSession
{
    private const int MaxEvents = 60;

    private readonly ShopCatalog _shop;
    private readonly Stack<ShopPage> _history = new();
    private readonly List<CartLine> _cart = [];

    private ShopPage? _page;
    private JsonEncodedText? _referrer;
    private bool _justAddedToCart;
    private bool _finished;
    private int _events;

    public ShopSession(Randomizer random, ShopCatalog shop, int userPool)
    {
        _shop = shop;
        IdJson = RecordJson.Encode(random.UuidV4());

        // About a third of visits are anonymous; the rest belong to returning customers.
        UserIdJson = random.Chance(0.35) ? null : RecordJson.Encode("user-" + random.Number(1, userPool).ToString("D7", CultureInfo.InvariantCulture));
        Device = random.Weighted(ShopAudience.Devices, d => d.Weight);
        Place = random.Pick(ShopAudience.Places);
    }

    /// <summary>The session id, encoded once for the writer.</summary>
    public JsonEncodedText IdJson { get; }

    /// <summary>The user's id, encoded once; null for an anonymous visit.</summary>
    public JsonEncodedText? UserIdJson { get; }

    public DeviceProfile Device { get; }

    public ShopPlace Place { get; }

    /// <summary>The page of the latest action.</summary>
    public ShopPage Page => _page ?? throw new InvalidOperationException("The visit has not started.");

    /// <summary>The page viewed before <see cref="Page"/> (or the site the visit came from); null for a direct visit.</summary>
    public JsonEncodedText? Referrer => _referrer;

    /// <summary>
    /// The visitor's next action on <see cref="Page"/> (with the amount for cart and purchase actions), or null when
    /// they have left (the session is then over for good).
    /// </summary>
    public (ClickAction Action, double? Value)? Next(Randomizer random)
    {
        if (_finished || _events >= MaxEvents)
        {
            _finished = true;
            return null;
        }

        var step = _page is null ? Land(random) : Move(random, _page);
        if (step is not { } s)
        {
            _finished = true;
            return null;
        }

        _events++;
        return s;
    }

    private (ClickAction Action, double? Value)? Land(Randomizer random)
    {
        var roll = random.Double();
        var page = roll switch
        {
            < 0.55 => _shop.Home,
            < 0.75 => _shop.RandomCategoryPage(random),
            < 0.90 => _shop.RandomProductPage(random),
            _ => _shop.SearchPage(random),
        };
        _page = page;
        _referrer = random.Weighted(ShopAudience.Referrers, r => r.Weight).UrlJson;
        return (page.Kind == PageKind.Search ? ClickAction.Search : ClickAction.View, null);
    }

    private (ClickAction Action, double? Value)? Move(Randomizer random, ShopPage page)
    {
        var justAdded = _justAddedToCart;
        _justAddedToCart = false;
        var roll = random.Double();
        return page.Kind switch
        {
            PageKind.Home => roll switch
            {
                < 0.45 => Navigate(_shop.RandomCategoryPage(random)),
                < 0.65 => Navigate(_shop.SearchPage(random), ClickAction.Search),
                < 0.75 => Click(),
                < 0.83 => Navigate(_shop.RandomProductPage(random)),
                < 0.88 when _cart.Count > 0 => Navigate(_shop.Cart),
                _ => Leave(),
            },
            PageKind.Category => roll switch
            {
                < 0.50 => Navigate(_shop.RandomProductPage(random, page.Category)),
                < 0.60 => Navigate(_shop.RandomCategoryPage(random)),
                < 0.68 => Navigate(_shop.SearchPage(random), ClickAction.Search),
                < 0.76 => Back(),
                < 0.82 => Click(),
                < 0.87 when _cart.Count > 0 => Navigate(_shop.Cart),
                _ => Leave(),
            },
            PageKind.Search => roll switch
            {
                < 0.55 => Navigate(_shop.RandomProductPage(random)),
                < 0.67 => Navigate(_shop.SearchPage(random), ClickAction.Search),
                < 0.75 => Back(),
                < 0.80 => Click(),
                _ => Leave(),
            },
            PageKind.Product when justAdded => roll switch
            {
                < 0.45 => Navigate(_shop.Cart),
                < 0.75 => Navigate(_shop.CategoryPage(page.Category!)),
                < 0.85 => Navigate(_shop.RandomProductPage(random, page.Category)),
                _ => Leave(),
            },
            PageKind.Product => roll switch
            {
                < 0.28 => AddToCart(random, page.Product!),
                < 0.43 => Navigate(_shop.RandomProductPage(random, page.Category)),
                < 0.58 => Back(),
                < 0.66 => Click(),
                < 0.72 => Navigate(_shop.CategoryPage(page.Category!)),
                < 0.77 => Navigate(_shop.SearchPage(random), ClickAction.Search),
                < 0.85 when _cart.Count > 0 => Navigate(_shop.Cart),
                _ => Leave(),
            },
            PageKind.Cart when _cart.Count == 0 => roll switch
            {
                < 0.50 => Navigate(_shop.RandomCategoryPage(random)),
                < 0.70 => Navigate(_shop.Home),
                _ => Leave(),
            },
            PageKind.Cart => roll switch
            {
                < 0.55 => Navigate(_shop.Checkout, ClickAction.Checkout),
                < 0.67 => RemoveFromCart(random),
                < 0.79 => Navigate(_shop.RandomCategoryPage(random)),
                _ => Leave(),
            },
            PageKind.Checkout => roll switch
            {
                < 0.65 => Purchase(random),
                < 0.75 => Navigate(_shop.Cart),
                _ => Leave(),
            },
            _ => Leave(),
        };
    }

    private (ClickAction, double?) Navigate(ShopPage next, ClickAction action = ClickAction.View)
    {
        _history.Push(_page!);
        _referrer = _page!.UrlJson;
        _page = next;
        return (action, null);
    }

    private (ClickAction, double?)? Back()
    {
        if (_history.Count == 0)
        {
            return Leave();
        }

        // The browser's back button: the page left behind becomes the referrer of the one returned to.
        _referrer = _page!.UrlJson;
        _page = _history.Pop();
        return (_page.Kind == PageKind.Search ? ClickAction.Search : ClickAction.View, null);
    }

    private static (ClickAction, double?) Click() => (ClickAction.Click, null);

    private static (ClickAction, double?)? Leave() => null;

    private (ClickAction, double?) AddToCart(Randomizer random, ShopProduct product)
    {
        var quantity = random.Chance(0.85) ? 1 : random.Number(2, 3);
        var line = new CartLine(product, quantity);
        _cart.Add(line);
        _justAddedToCart = true;
        return (ClickAction.AddToCart, Math.Round(line.Amount, 2));
    }

    private (ClickAction, double?) RemoveFromCart(Randomizer random)
    {
        _cart.RemoveAt(random.Number(0, _cart.Count - 1));
        return (ClickAction.RemoveFromCart, null);
    }

    private (ClickAction, double?) Purchase(Randomizer random)
    {
        var total = Math.Round(_cart.Sum(l => l.Amount), 2);
        var order = "ORD-" + random.Number(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        Navigate(ShopCatalog.Confirmation(order), ClickAction.Purchase);
        _cart.Clear();
        _finished = true;
        return (ClickAction.Purchase, total);
    }
}
