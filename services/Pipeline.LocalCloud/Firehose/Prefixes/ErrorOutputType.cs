namespace Pipeline.LocalCloud.Firehose.Prefixes;

/// <summary>Why a record went to the error output; <c>!{firehose:error-output-type}</c> evaluates to its name.</summary>
internal enum ErrorOutputType
{
    /// <summary><c>processing-failed</c>: the transformation Lambda failed or rejected the record.</summary>
    ProcessingFailed,

    /// <summary><c>metadata-extraction-failed</c>: a partitionKeyFromQuery key could not be extracted.</summary>
    MetadataExtractionFailed,
}

/// <summary>The text each <see cref="ErrorOutputType"/> puts into an error prefix.</summary>
internal static class ErrorOutputTypes
{
    public static string ToPrefixValue(this ErrorOutputType type) => type switch
    {
        ErrorOutputType.ProcessingFailed => "processing-failed",
        ErrorOutputType.MetadataExtractionFailed => "metadata-extraction-failed",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
