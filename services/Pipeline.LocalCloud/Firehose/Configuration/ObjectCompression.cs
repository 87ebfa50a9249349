namespace Pipeline.LocalCloud.Firehose.Configuration;

/// <summary>The CompressionFormat values LocalCloud writes.</summary>
internal enum ObjectCompression
{
    Uncompressed,
    Gzip,
}
