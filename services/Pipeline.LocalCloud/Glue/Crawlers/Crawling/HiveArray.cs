namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary><c>array&lt;element&gt;</c>.</summary>
internal sealed record HiveArray(HiveType Element) : HiveType
{
    public override string ToString() => "array<" + Element + ">";
}
