namespace Pipeline.Contracts.Datasets;

/// <summary>The root of <c>datasets.json</c>.</summary>
public sealed record DatasetsDocument
{
    public DeploymentDescription Deployment { get; set; } = new();

    public IReadOnlyList<DatasetDefinition> Datasets { get; set; } = [];
}
