namespace Pipeline.Generator.Reporting;

/// <summary>PutRecordBatch latency percentiles, in milliseconds.</summary>
public sealed record LatencySummary(double P50, double P95, double P99, double Max);
