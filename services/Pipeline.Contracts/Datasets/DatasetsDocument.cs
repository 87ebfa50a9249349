namespace Pipeline.Contracts.Datasets;

/// <summary>The root of <c>datasets.json</c>.</summary>
public sealed record DatasetsDocument
{
    public IReadOnlyList<DatasetDefinition> Datasets { get; set; } = [];
}
