namespace Pipeline.LocalCloud.Firehose.Transformation;

/// <summary>
/// The errorCode and errorMessage of transformation failures in the error output. Codes and messages are AWS's
/// where AWS documents or writes them (CloudWatch Logs "Lambda invocation errors", processing-failed records);
/// <see cref="InvokeFailed"/> is LocalCloud's for an invocation that failed without a Lambda error code.
/// </summary>
internal static class LambdaErrorCodes
{
    public const string FunctionError = "Lambda.FunctionError";
    public const string FunctionErrorMessage = "The Lambda function was successfully invoked but it returned an error result.";

    public const string MissingRecordId = "Lambda.MissingRecordId";
    public const string MissingRecordIdMessage = "One or more record Ids were not returned. Ensure that the Lambda function returns all received record Ids.";

    public const string DuplicatedRecordId = "Lambda.DuplicatedRecordId";
    public const string DuplicatedRecordIdMessage = "Multiple records were returned with the same record Id. Ensure that the Lambda function returns unique record Ids for each record.";

    /// <summary>The response, or a record in it, does not follow the status model (bad JSON, result, data or base64).</summary>
    public const string JsonProcessingException = "Lambda.JsonProcessingException";
    public const string JsonProcessingExceptionMessage = "There was an error parsing returned records from the Lambda function. Ensure that the returned records follow the status model required by Kinesis Firehose.";

    /// <summary>The function answered the record with <c>ProcessingFailed</c>.</summary>
    public const string ProcessingFailedStatus = "Lambda.ProcessingFailedStatus";
    public const string ProcessingFailedStatusMessage = "ProcessingFailed status set for record";

    public const string ResourceNotFound = "Lambda.ResourceNotFound";

    public const string InvokeLimitExceeded = "Lambda.InvokeLimitExceeded";

    public const string InvokeFailed = "Lambda.InvokeFailed";
}
