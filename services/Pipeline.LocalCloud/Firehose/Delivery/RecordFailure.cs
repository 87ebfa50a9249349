using Pipeline.LocalCloud.Firehose.Prefixes;

namespace Pipeline.LocalCloud.Firehose.Delivery;

/// <summary>Why a record goes to the error output, in the fields of the error record.</summary>
internal sealed record RecordFailure(
    string ErrorCode,
    string ErrorMessage,
    int AttemptsMade,
    DateTimeOffset AttemptEndingTimestamp,
    ErrorOutputType OutputType = ErrorOutputType.ProcessingFailed);
