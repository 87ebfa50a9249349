namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>Classifies one object's file and reads its schema.</summary>
internal interface IFileSchemaInferrer
{
    /// <param name="path">The object's content file.</param>
    /// <exception cref="CrawlException">The file is neither newline-delimited JSON (plain or gzip) nor Parquet, or cannot be read.</exception>
    FileSchema Infer(string path, CancellationToken cancellationToken = default);
}

/// <summary>What one object holds: its format, whether it is gzip-compressed, its columns and its number of records.</summary>
internal sealed record FileSchema(FileFormat Format, bool Gzip, HiveStruct Columns, long RecordCount);

/// <summary>The data formats the crawler classifies (Glue's <c>classification</c>).</summary>
internal enum FileFormat
{
    Json,
    Parquet,
}

/// <summary>A reason the crawl fails; its message becomes LastCrawl.ErrorMessage and the Failed event's errorMessage.</summary>
internal sealed class CrawlException(string message, Exception? inner = null) : Exception(message, inner);
