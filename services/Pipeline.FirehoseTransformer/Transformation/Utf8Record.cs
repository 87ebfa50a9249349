using System.Diagnostics;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>
/// One record of an invocation read as bytes: where its id and its base64 are in the event, where its decoded bytes
/// are in the batch's buffer, and the trace context its producer put in it, if any. No string per record.
/// </summary>
/// <param name="RecordId">The id's bytes in the event: printable ASCII, written back as they are.</param>
/// <param name="Original">The base64 as sent (no escapes), echoed for a failed record.</param>
/// <param name="DataStart">Where the decoded bytes start in the batch's buffer.</param>
/// <param name="DataLength">How many decoded bytes there are (0 when <paramref name="IsDecoded"/> is false).</param>
public readonly record struct Utf8Record(
    Range RecordId,
    long ArrivalTimestamp,
    Range Original,
    int DataStart,
    int DataLength,
    bool IsDecoded,
    ActivityContext? TraceContext);
