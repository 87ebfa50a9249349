using System.Buffers;

namespace Pipeline.Generator.Data;

/// <summary>An endless supply of records for one dataset, one at a time.</summary>
public interface IRecordSource
{
    /// <summary>
    /// True when the records have a top-level <c>traceparent</c> field for the sender to fill in with the span of
    /// the batch each record goes in.
    /// </summary>
    bool CarriesTraceParent { get; }

    /// <summary>
    /// Writes the next record to <paramref name="output"/>: one JSON object without a <c>traceparent</c>, or, for a
    /// deliberately malformed record, whatever bytes the flaw calls for. Never writes a line break.
    /// </summary>
    RecordFlaw WriteNext(IBufferWriter<byte> output);
}
