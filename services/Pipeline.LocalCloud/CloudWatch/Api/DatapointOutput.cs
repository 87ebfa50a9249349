namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>The model's <c>Datapoint</c>: only the statistics asked for are set.</summary>
internal sealed record DatapointOutput(
    DateTimeOffset Timestamp,
    double? SampleCount,
    double? Average,
    double? Sum,
    double? Minimum,
    double? Maximum,
    string Unit);
