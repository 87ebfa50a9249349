namespace Pipeline.LocalCloud.Firehose.Prefixes;

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
