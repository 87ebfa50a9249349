using System.Text.Json;

namespace Pipeline.Contracts.Datasets;

/// <summary>
/// The datasets this deployment knows. By default the <c>datasets.json</c> built into this assembly; a file
/// named by <c>PIPELINE_DATASETS_FILE</c> replaces it, so a deployment can add a dataset without a rebuild.
/// </summary>
public sealed class DatasetCatalog
{
    /// <summary>Environment variable naming a datasets file that replaces the built-in one.</summary>
    public const string FileVariable = "PIPELINE_DATASETS_FILE";

    private readonly Dictionary<string, DatasetDefinition> _byName;

    public DatasetCatalog(IEnumerable<DatasetDefinition> datasets, DeploymentDescription? deployment = null)
    {
        Deployment = deployment ?? new DeploymentDescription();
        _byName = new Dictionary<string, DatasetDefinition>(StringComparer.Ordinal);
        foreach (var dataset in datasets)
        {
            DatasetValidator.EnsureValid(dataset);
            if (!_byName.TryAdd(dataset.Name, dataset))
            {
                throw new InvalidDatasetException($"Dataset '{dataset.Name}' is defined twice.");
            }
        }
    }

    public IReadOnlyCollection<DatasetDefinition> All => _byName.Values;

    /// <summary>Names, prefixes and buffering of the deployment.</summary>
    public DeploymentDescription Deployment { get; }

    /// <summary>The built-in catalog, or the file named by <see cref="FileVariable"/> when it is set.</summary>
    public static DatasetCatalog Load()
    {
        var path = Environment.GetEnvironmentVariable(FileVariable);
        return string.IsNullOrWhiteSpace(path) ? BuiltIn() : FromFile(path);
    }

    public static DatasetCatalog BuiltIn()
    {
        using var stream = typeof(DatasetCatalog).Assembly.GetManifestResourceStream("Pipeline.Contracts.datasets.json")
            ?? throw new InvalidOperationException("The built-in datasets.json resource is missing from Pipeline.Contracts.");
        return Parse(stream);
    }

    public static DatasetCatalog FromFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream);
    }

    public static DatasetCatalog Parse(Stream json)
    {
        DatasetsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, DatasetsJsonContext.Default.DatasetsDocument);
        }
        catch (JsonException e)
        {
            throw new InvalidDatasetException($"The datasets description is not valid JSON: {e.Message}", e);
        }

        return new DatasetCatalog(document?.Datasets ?? [], document?.Deployment);
    }

    public bool TryGet(string name, out DatasetDefinition dataset) => _byName.TryGetValue(name, out dataset!);

    public DatasetDefinition Get(string name) =>
        _byName.TryGetValue(name, out var dataset)
            ? dataset
            : throw new KeyNotFoundException($"Unknown dataset '{name}'. Known datasets: {string.Join(", ", _byName.Keys)}.");

    /// <summary>
    /// The dataset of a delivery stream, by the naming convention <c>&lt;name_prefix&gt;-&lt;dataset&gt;</c>. Accepts a
    /// stream name or a stream ARN (<c>arn:aws:firehose:…:deliverystream/NAME</c>).
    /// </summary>
    public bool TryGetByStream(string streamNameOrArn, out DatasetDefinition dataset)
    {
        var name = streamNameOrArn;
        var slash = name.LastIndexOf('/');
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        // The longest dataset name that ends the stream name wins, so "a_b" is not mistaken for "b".
        DatasetDefinition? best = null;
        foreach (var candidate in _byName.Values)
        {
            var matches = name == candidate.Name || name.EndsWith("-" + candidate.Name, StringComparison.Ordinal);
            if (matches && (best is null || candidate.Name.Length > best.Name.Length))
            {
                best = candidate;
            }
        }

        dataset = best!;
        return best is not null;
    }
}
