using System.Diagnostics;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>A record after base64 decoding, with the trace context its producer put in it, if any.</summary>
public sealed record DecodedRecord(string RecordId, long ArrivalTimestamp, byte[]? Data, string? OriginalBase64, ActivityContext? TraceContext)
{
    public bool IsDecoded => Data is not null;
}
