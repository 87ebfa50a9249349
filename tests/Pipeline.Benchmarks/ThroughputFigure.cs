namespace Pipeline.Benchmarks;

/// <summary>One measured throughput, as written to throughput.json.</summary>
public sealed record ThroughputFigure(string Component, string Dataset, double RecordsPerSecond, double MegabytesPerSecond);
