using System.Diagnostics;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>
/// A record after base64 decoding, with the trace context its producer put in it, if any. <see cref="Data"/> points
/// into its batch's pooled buffer: valid until the batch is disposed.
/// </summary>
public readonly record struct DecodedRecord(string RecordId, long ArrivalTimestamp, ReadOnlyMemory<byte> Data, bool IsDecoded, string? OriginalBase64, ActivityContext? TraceContext);
