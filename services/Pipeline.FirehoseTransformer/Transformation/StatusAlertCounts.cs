using Pipeline.Contracts.Datasets;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>An invocation's status alerts: the dataset, its alert definition, and the counts per status and group (sorted).</summary>
public sealed record StatusAlertCounts(string Dataset, StatusAlertDefinition Definition, IReadOnlyList<StatusAlertCount> Counts)
{
    public int Total => Counts.Sum(c => c.Records);
}
