namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>A Hive column type as the catalog spells it (<c>bigint</c>, <c>struct&lt;a:string&gt;</c>, …).</summary>
internal abstract record HiveType
{
    /// <summary>The Hive type string.</summary>
    public abstract override string ToString();
}
