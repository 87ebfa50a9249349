namespace Pipeline.Aws.Glue;

/// <summary>Glue's error codes (API model <c>glue.json</c>), as <see cref="AwsServiceException.ErrorCode"/> carries them.</summary>
public static class GlueErrorCodes
{
    public const string CrawlerRunning = "CrawlerRunningException";
    public const string ConcurrentRunsExceeded = "ConcurrentRunsExceededException";
    public const string EntityNotFound = "EntityNotFoundException";
    public const string AlreadyExists = "AlreadyExistsException";
    public const string InvalidInput = "InvalidInputException";
    public const string OperationTimeout = "OperationTimeoutException";
    public const string ResourceNumberLimitExceeded = "ResourceNumberLimitExceededException";
}
