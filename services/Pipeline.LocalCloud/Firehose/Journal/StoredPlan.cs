using Pipeline.LocalCloud.Firehose.Delivery;

namespace Pipeline.LocalCloud.Firehose.Journal;

/// <summary><c>pending/plan.json</c>: a <see cref="DeliveryPlan"/> whose object bytes are files beside it.</summary>
internal sealed record StoredPlan(long FirstSequence, long LastSequence, IReadOnlyList<StoredPlanObject> Objects, DeliveryCounts Counts);

internal sealed record StoredPlanObject(string Bucket, string Key, string File, PlannedObjectKind Kind, int RecordCount);
