namespace Pipeline.Aws.Sqs;

/// <summary>SQS error codes of the JSON protocol (the Query protocol's code is in <see cref="AwsServiceException.QueryErrorCode"/>).</summary>
public static class SqsErrorCodes
{
    public const string QueueDoesNotExist = "QueueDoesNotExist";
    public const string QueueNameExists = "QueueNameExists";
    public const string ReceiptHandleIsInvalid = "ReceiptHandleIsInvalid";
    public const string InvalidAttributeName = "InvalidAttributeName";
    public const string InvalidAttributeValue = "InvalidAttributeValue";
}
