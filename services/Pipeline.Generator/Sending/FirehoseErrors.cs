using System.Net;
using Amazon.Runtime;
using Pipeline.Aws;

namespace Pipeline.Generator.Sending;

/// <summary>
/// Sorts whole-call errors (after the client's own retries of throttling and 5xx) into those worth retrying (throttling, 5xx, network) and those that will fail every call
/// the same way (no such stream, access denied, bad credentials), which stop the run at once.
/// </summary>
internal static class FirehoseErrors
{
    private static readonly HashSet<string> FatalCodes = new(StringComparer.Ordinal)
    {
        "ResourceNotFoundException",
        "InvalidArgumentException",
        "InvalidKMSResourceException",
        "InvalidSourceException",
        "AccessDeniedException",
        "UnrecognizedClientException",
        "InvalidSignatureException",
        "IncompleteSignature",
        "MissingAuthenticationToken",
        "InvalidClientTokenId",
        "ExpiredTokenException",
        "ValidationException",
        "UnknownOperationException",
    };

    /// <summary>An AWS error code when there is one, else the exception's type name: what the report counts.</summary>
    public static string Code(Exception error) => error switch
    {
        AwsServiceException { ErrorCode: { Length: > 0 } code } => code,
        AmazonServiceException { ErrorCode: { Length: > 0 } code } => code,
        HttpRequestException => "ConnectionError",
        TimeoutException or TaskCanceledException => "Timeout",
        _ => error.GetType().Name,
    };

    /// <summary>An answer meaning "slower, please": throttling, or Firehose's ServiceUnavailableException.</summary>
    public static bool IsThrottle(string? code) =>
        AwsErrorCodes.IsThrottling(code) || code is AwsErrorCodes.ServiceUnavailable or AwsErrorCodes.LimitExceeded;

    public static bool IsFatal(Exception error) => error switch
    {
        // The service answered with a client error that is not a throttle: every further call would get the same.
        AwsServiceException aws => FatalCodes.Contains(aws.ErrorCode)
            || (aws.HttpStatusCode is >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError
                && !aws.IsThrottling
                && aws.HttpStatusCode != HttpStatusCode.RequestTimeout
                && aws.ErrorCode is not (AwsErrorCodes.ServiceUnavailable or AwsErrorCodes.LimitExceeded)),

        AmazonServiceException service => (service.ErrorCode is { } code && FatalCodes.Contains(code))
            || (service.StatusCode is >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError
                && service.StatusCode != HttpStatusCode.TooManyRequests
                && service.StatusCode != HttpStatusCode.RequestTimeout
                && !(service.ErrorCode ?? "").Contains("Throttl", StringComparison.Ordinal)
                && !(service.ErrorCode ?? "").Contains("LimitExceeded", StringComparison.Ordinal)
                && service.ErrorCode != "ServiceUnavailableException"),

        // No credentials: the SDK's client-side errors (from the credential chain) never heal by retrying.
        AmazonClientException => true,
        _ => false,
    };
}
