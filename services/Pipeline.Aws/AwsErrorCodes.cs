using System.Collections.Frozen;

namespace Pipeline.Aws;

/// <summary>Well-known AWS error codes, as <see cref="AwsServiceException.ErrorCode"/> carries them.</summary>
public static class AwsErrorCodes
{
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string ResourceInUse = "ResourceInUseException";
    public const string InvalidArgument = "InvalidArgumentException";
    public const string ServiceUnavailable = "ServiceUnavailableException";
    public const string LimitExceeded = "LimitExceededException";
    public const string Throttling = "ThrottlingException";
    public const string Validation = "ValidationException";
    public const string AccessDenied = "AccessDeniedException";
    public const string InternalFailure = "InternalFailure";

    /// <summary>
    /// The AWS SDKs' throttling codes (AWSSDK.Core's <c>RetryPolicy.ThrottlingErrorCodes</c>, botocore's standard
    /// retry list) without <c>LimitExceededException</c>: Firehose, Glue and EventBridge use that code for quota
    /// exhaustion (too many streams, crawlers, rules), which no amount of waiting fixes.
    /// </summary>
    public static readonly FrozenSet<string> ThrottlingCodes = FrozenSet.ToFrozenSet(
    [
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "RequestThrottled",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
    ], StringComparer.Ordinal);

    /// <summary>True when <paramref name="errorCode"/> means "slow down and try again".</summary>
    public static bool IsThrottling(string? errorCode) => errorCode is not null && ThrottlingCodes.Contains(errorCode);
}
