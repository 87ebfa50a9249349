namespace Pipeline.LocalCloud.Glue.Api;

/// <summary>A partition BatchCreatePartition did not create, and why.</summary>
internal sealed record PartitionError(List<string> PartitionValues, ErrorDetail ErrorDetail);
