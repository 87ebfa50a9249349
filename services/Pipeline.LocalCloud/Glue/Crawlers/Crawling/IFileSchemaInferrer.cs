namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>Classifies one object's file and reads its schema.</summary>
internal interface IFileSchemaInferrer
{
    /// <param name="path">The object's content file.</param>
    /// <exception cref="CrawlException">The file is neither newline-delimited JSON (plain or gzip) nor Parquet, or cannot be read.</exception>
    FileSchema Infer(string path, CancellationToken cancellationToken = default);
}
