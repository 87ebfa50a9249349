namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>A reason the crawl fails; its message becomes LastCrawl.ErrorMessage and the Failed event's errorMessage.</summary>
internal sealed class CrawlException(string message, Exception? inner = null) : Exception(message, inner);
