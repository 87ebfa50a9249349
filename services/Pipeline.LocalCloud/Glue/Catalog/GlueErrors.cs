using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Glue.Catalog;

/// <summary>The catalog's and the crawlers' errors, with Glue's codes and messages.</summary>
internal static class GlueErrors
{
    public const string AlreadyExists = "AlreadyExistsException";

    public static AwsServiceException NotFound(string message) => new("EntityNotFoundException", message);

    public static AwsServiceException Exists(string message) => new(AlreadyExists, message);

    public static AwsServiceException InvalidInput(string message) => new("InvalidInputException", message);

    // The crawler operations' own errors.
    public const string Running = "CrawlerRunningException";

    public static AwsServiceException AlreadyRunning(string name) => new(Running, $"Crawler with name {name} has already started");

    public static AwsServiceException NotRunning(string name) => new("CrawlerNotRunningException", $"Crawler with name {name} isn't running");

    public static AwsServiceException Stopping(string name) => new("CrawlerStoppingException", $"Crawler with name {name} is stopping");

    public static AwsServiceException RunningCannotChange(string name) => new(Running, $"Crawler with name {name} is running and cannot be changed or deleted");

    public static AwsServiceException CrawlerNotFound(string name) => NotFound($"Crawler with name {name} has not been found");
}
