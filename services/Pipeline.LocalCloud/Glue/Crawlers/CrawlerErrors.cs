using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>The crawler operations' own errors, with Glue's codes and messages.</summary>
internal static class CrawlerErrors
{
    public const string Running = "CrawlerRunningException";

    public static AwsServiceException AlreadyRunning(string name) => new(Running, $"Crawler with name {name} has already started");

    public static AwsServiceException NotRunning(string name) => new("CrawlerNotRunningException", $"Crawler with name {name} isn't running");

    public static AwsServiceException Stopping(string name) => new("CrawlerStoppingException", $"Crawler with name {name} is stopping");

    public static AwsServiceException RunningCannotChange(string name) => new(Running, $"Crawler with name {name} is running and cannot be changed or deleted");

    public static AwsServiceException NotFound(string name) => Catalog.GlueErrors.NotFound($"Crawler with name {name} has not been found");
}
