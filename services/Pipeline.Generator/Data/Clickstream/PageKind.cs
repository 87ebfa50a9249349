namespace Pipeline.Generator.Data.Clickstream;

/// <summary>The kinds of page a shop visitor can be on; they decide where the visitor can go next.</summary>
internal enum PageKind
{
    Home,
    Category,
    Product,
    Search,
    Cart,
    Checkout,
    Confirmation,
}
