using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Sqs;

/// <summary>SQS's errors with the JSON code, and the awsQuery code the <c>x-amzn-query-error</c> header carries.</summary>
internal static class SqsErrors
{
    private static readonly Dictionary<string, string> QueryCodes = new(StringComparer.Ordinal)
    {
        ["QueueDoesNotExist"] = "AWS.SimpleQueueService.NonExistentQueue",
        ["TooManyEntriesInBatchRequest"] = "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
        ["EmptyBatchRequest"] = "AWS.SimpleQueueService.EmptyBatchRequest",
        ["BatchEntryIdsNotDistinct"] = "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
        ["InvalidBatchEntryId"] = "AWS.SimpleQueueService.InvalidBatchEntryId",
        ["MessageNotInflight"] = "AWS.SimpleQueueService.MessageNotInflight",
        ["PurgeQueueInProgress"] = "AWS.SimpleQueueService.PurgeQueueInProgress",
        ["QueueDeletedRecently"] = "AWS.SimpleQueueService.QueueDeletedRecently",
        ["UnsupportedOperation"] = "AWS.SimpleQueueService.UnsupportedOperation",
    };

    public static string QueryCodeOf(string code) => QueryCodes.GetValueOrDefault(code, code);

    public static AwsServiceException QueueDoesNotExist() => new("QueueDoesNotExist", "The specified queue does not exist.");

    public static AwsServiceException QueueAlreadyExists(string name) =>
        new("QueueAlreadyExists", $"A queue already exists with the same name ({name}) and a different value for attribute(s).");

    public static AwsServiceException InvalidParameterValue(string message) => new("InvalidParameterValue", message);

    public static AwsServiceException InvalidAttributeName(string name) => new("InvalidAttributeName", $"Unknown Attribute {name}.");

    public static AwsServiceException InvalidAttributeValue(string message) => new("InvalidAttributeValue", message);

    public static AwsServiceException InvalidMessageContents(string character, string where) =>
        new("InvalidMessageContents", $"Invalid binary character '{character}' was found in the {where}, the set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");

    public static AwsServiceException MissingParameter(string name) => new("MissingParameter", $"The request must contain the parameter {name}.");

    public static AwsServiceException ReceiptHandleIsInvalid(string handle) =>
        new("ReceiptHandleIsInvalid", $"The input receipt handle \"{handle}\" is not a valid receipt handle.");

    public static AwsServiceException MessageNotInflight() => new("MessageNotInflight", "The message referred to isn't in flight.");

    public static AwsServiceException TooManyEntries(int count) =>
        new("TooManyEntriesInBatchRequest", $"Maximum number of entries per request are 10. You have sent {count}.");

    public static AwsServiceException EmptyBatch() => new("EmptyBatchRequest", "There should be at least one entry in the request.");

    public static AwsServiceException IdsNotDistinct(string id) => new("BatchEntryIdsNotDistinct", $"Id {id} repeated.");

    public static AwsServiceException InvalidBatchEntryId() =>
        new("InvalidBatchEntryId", "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.");
}
