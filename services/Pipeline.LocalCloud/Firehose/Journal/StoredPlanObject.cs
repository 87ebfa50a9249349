using Pipeline.LocalCloud.Firehose.Delivery;

namespace Pipeline.LocalCloud.Firehose.Journal;

internal sealed record StoredPlanObject(string Bucket, string Key, string File, PlannedObjectKind Kind, int RecordCount);
