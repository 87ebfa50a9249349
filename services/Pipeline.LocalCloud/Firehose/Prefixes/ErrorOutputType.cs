namespace Pipeline.LocalCloud.Firehose.Prefixes;

/// <summary>Why a record went to the error output; <c>!{firehose:error-output-type}</c> evaluates to its name.</summary>
internal enum ErrorOutputType
{
    /// <summary><c>processing-failed</c>: the transformation Lambda failed or rejected the record.</summary>
    ProcessingFailed,

    /// <summary><c>metadata-extraction-failed</c>: a partitionKeyFromQuery key could not be extracted.</summary>
    MetadataExtractionFailed,
}
