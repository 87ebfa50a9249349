namespace Pipeline.FirehoseTransformer.Transformation;

internal static class TransformerLimits
{
    /// <summary>Lambda's synchronous response limit (6 MB = 6,291,456 bytes); Firehose fails the whole batch above it.</summary>
    public const int MaxResponseBytes = 6 * 1024 * 1024;
}
