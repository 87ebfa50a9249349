namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>The storage formats LocalCloud's Athena reads, from the table's SerDe and input format.</summary>
internal enum TableFormat
{
    Json,
    Parquet,
}
