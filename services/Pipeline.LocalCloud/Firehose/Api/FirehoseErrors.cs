using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Firehose.Api;

/// <summary>The errors Firehose answers, with AWS's codes and the wording AWS uses where it is known.</summary>
internal static class FirehoseErrors
{
    public static AwsServiceException InvalidArgument(string message) => new("InvalidArgumentException", message);

    public static AwsServiceException StreamNotFound(string name, string accountId) =>
        new("ResourceNotFoundException", $"Firehose {name} under account {accountId} not found.");

    public static AwsServiceException StreamInUse(string name, string accountId) =>
        new("ResourceInUseException", $"Firehose {name} under accountId {accountId} already exists");

    public static AwsServiceException ServiceUnavailable(string message) => new("ServiceUnavailableException", message, 503);
}
