namespace Pipeline.LocalCloud.Firehose.Delivery;

/// <summary>One S3 object a delivery writes, bytes final (compressed if the stream compresses).</summary>
internal sealed record PlannedObject(string Bucket, string Key, byte[] Content, PlannedObjectKind Kind, int RecordCount);
