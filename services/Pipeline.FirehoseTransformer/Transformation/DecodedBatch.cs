using System.Diagnostics;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>
/// An invocation's records decoded, before transformation. Decoding comes first so the function's span can be
/// started with links to every distinct producer span the records carry.
/// </summary>
public sealed record DecodedBatch(string DeliveryStreamArn, IReadOnlyList<DecodedRecord> Records)
{
    public IReadOnlyList<ActivityContext> DistinctTraceContexts() =>
        Records.Where(r => r.TraceContext is not null).Select(r => r.TraceContext!.Value).Distinct().ToArray();
}
