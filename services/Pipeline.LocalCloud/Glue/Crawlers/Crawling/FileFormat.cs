namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>The data formats the crawler classifies (Glue's <c>classification</c>).</summary>
internal enum FileFormat
{
    Json,
    Parquet,
}
