namespace Pipeline.LocalCloud.Firehose;

/// <summary>What a flush delivered.</summary>
/// <param name="Records">Records taken from the buffer.</param>
/// <param name="Delivered">Records written under the Prefix.</param>
/// <param name="Dropped">Records the transformation dropped.</param>
/// <param name="Failed">Records written to the error output.</param>
/// <param name="Objects">S3 objects written.</param>
public sealed record FlushResult(int Records, int Delivered, int Dropped, int Failed, int Objects);
