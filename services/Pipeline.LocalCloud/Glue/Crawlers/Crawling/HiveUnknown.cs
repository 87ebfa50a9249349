namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>
/// A field seen only as JSON <c>null</c>: no type yet. It takes the type of the same field elsewhere and is written
/// as <c>string</c> when nothing else is known, as Glue's JSON classifier does.
/// </summary>
internal sealed record HiveUnknown : HiveType
{
    public static HiveUnknown Instance { get; } = new();

    public override string ToString() => "string";
}
