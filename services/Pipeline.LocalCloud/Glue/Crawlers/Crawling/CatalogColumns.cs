using Pipeline.AwsShapes.Glue;
using Pipeline.DuckDb;

namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>
/// How a crawl changes the columns of a table it made before, as Glue's crawlers do under UPDATE_IN_DATABASE: the
/// existing columns keep their places, new ones are added after them in the order the files first show them, and a
/// file that lacks a column never removes it.
/// </summary>
internal static class CatalogColumns
{
    /// <param name="existing">The table's columns in the catalog.</param>
    /// <param name="crawled">The union of the columns of the files this crawl read, in first-seen order.</param>
    /// <param name="readEverything">
    /// Whether the crawl read every object of the target (CRAWL_EVERYTHING). Then a column no object has any more is
    /// dropped, as Glue removes missing columns, and types are the ones the data has now. Otherwise (new folders only)
    /// every existing column stays and types only widen.
    /// </param>
    public static List<HiveField> Evolve(IEnumerable<Column> existing, IReadOnlyList<HiveField> crawled, bool readEverything)
    {
        var known = existing.Select(c => new HiveField(c.Name ?? string.Empty, Read(c.Type ?? "string"))).ToList();
        if (!readEverything)
        {
            return [.. SchemaMerger.MergeStructs(new HiveStruct(known), new HiveStruct(crawled)).Fields];
        }

        return [.. ((HiveStruct)Conform(new HiveStruct(known), new HiveStruct(crawled))).Fields];
    }

    // The type the data has now, with the members the catalog already knows in the catalog's order (struct members
    // as well as columns), and new ones after them.
    private static HiveType Conform(HiveType known, HiveType now) => (known, now) switch
    {
        (HiveStruct k, HiveStruct n) => new HiveStruct(
        [
            .. k.Fields.Select(f => (Known: f, Now: n.Fields.FirstOrDefault(m => string.Equals(m.Name, f.Name, StringComparison.OrdinalIgnoreCase))))
                .Where(p => p.Now is not null)
                .Select(p => p.Known with { Type = Conform(p.Known.Type, p.Now!.Type) }),
            .. n.Fields.Where(m => !k.Fields.Any(f => string.Equals(f.Name, m.Name, StringComparison.OrdinalIgnoreCase))),
        ]),
        (HiveArray k, HiveArray n) => new HiveArray(Conform(k.Element, n.Element)),
        (HiveMap k, HiveMap n) => new HiveMap(n.Key, Conform(k.Value, n.Value)),
        _ => now,
    };

    // A type the grammar does not know is kept as written: copied and compared, merged only with itself.
    private static HiveType Read(string type)
    {
        try
        {
            return From(GlueTypes.Parse(type));
        }
        catch (FormatException)
        {
            return new HivePrimitive(type);
        }
    }

    private static HiveType From(GlueType type) => type switch
    {
        GluePrimitiveType { Name: "integer" } => HivePrimitive.Int,
        GlueArrayType a => new HiveArray(From(a.Element)),
        GlueMapType m => new HiveMap(From(m.Key), From(m.Value)),
        GlueStructType s => new HiveStruct(s.Fields.Select(f => new HiveField(f.Name, From(f.Type))).ToList()),
        _ => new HivePrimitive(GlueTypes.Format(type)),
    };
}
