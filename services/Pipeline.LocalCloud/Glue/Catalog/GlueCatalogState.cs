using Pipeline.AwsShapes.Glue;

namespace Pipeline.LocalCloud.Glue.Catalog;

/// <summary>The whole catalog as written to <c>&lt;data dir&gt;/glue/catalog.json</c>.</summary>
internal sealed record GlueCatalogState(List<Database> Databases, List<Table> Tables, List<Partition> Partitions);
