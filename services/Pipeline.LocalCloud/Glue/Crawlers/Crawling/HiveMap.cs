namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary><c>map&lt;key,value&gt;</c>, from Parquet maps.</summary>
internal sealed record HiveMap(HiveType Key, HiveType Value) : HiveType
{
    public override string ToString() => "map<" + Key + "," + Value + ">";
}
