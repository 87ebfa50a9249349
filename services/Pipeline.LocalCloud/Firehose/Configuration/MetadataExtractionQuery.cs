using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pipeline.LocalCloud.Firehose.Configuration;

/// <summary>
/// The MetadataExtraction processor's jq query. LocalCloud evaluates the common form, an object of simple paths
/// (<c>{customer_id:.customer_id,device:.type.device}</c>); any other jq is accepted, and each record it is
/// applied to goes to the error output explaining that LocalCloud cannot evaluate it.
/// </summary>
internal sealed partial class MetadataExtractionQuery
{
    private readonly IReadOnlyDictionary<string, string[]>? _paths;

    private MetadataExtractionQuery(string text, IReadOnlyDictionary<string, string[]>? paths)
    {
        Text = text;
        _paths = paths;
    }

    public string Text { get; }

    /// <summary>Whether LocalCloud can evaluate the query.</summary>
    public bool IsSimple => _paths is not null;

    public static MetadataExtractionQuery Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '{' || trimmed[^1] != '}')
        {
            return new MetadataExtractionQuery(text, null);
        }

        var paths = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var part in trimmed[1..^1].Split(','))
        {
            var match = KeyAndPath().Match(part);
            if (!match.Success || !paths.TryAdd(match.Groups["key"].Value, match.Groups["path"].Value[1..].Split('.')))
            {
                return new MetadataExtractionQuery(text, null);
            }
        }

        return new MetadataExtractionQuery(text, paths);
    }

    /// <summary>Whether the query names <paramref name="key"/>; a query LocalCloud cannot read is given the benefit of the doubt.</summary>
    public bool Defines(string key) => _paths is null || _paths.ContainsKey(key);

    /// <summary>The key's value in <paramref name="json"/>, or why there is none.</summary>
    public bool TryExtract(ReadOnlyMemory<byte> json, string key, out string value, out string error)
    {
        value = string.Empty;
        if (_paths is null)
        {
            error = $"LocalCloud evaluates only MetadataExtractionQuery objects of simple paths such as {{key:.field.subfield}}; it cannot evaluate '{Text}'";
            return false;
        }

        if (!_paths.TryGetValue(key, out var path))
        {
            error = $"The MetadataExtractionQuery does not define the partition key '{key}'";
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            error = "Non JSON record provided";
            return false;
        }

        // Invalid UTF-8 or an escaped lone surrogate in a name or a string: the parser checks neither until it is read.
        using (document)
        {
            try
            {
                var element = document.RootElement;
                foreach (var name in path)
                {
                    if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                    {
                        error = $"The partition key '{key}' (.{string.Join('.', path)}) is missing from the record";
                        return false;
                    }
                }

                switch (element.ValueKind)
                {
                    case JsonValueKind.String:
                        value = element.GetString() ?? string.Empty;
                        break;
                    case JsonValueKind.Number:
                        value = element.GetRawText();
                        break;
                    case JsonValueKind.True:
                    case JsonValueKind.False:
                        value = element.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
                        break;
                    default:
                        error = $"The partition key '{key}' (.{string.Join('.', path)}) is {element.ValueKind.ToString().ToLowerInvariant()}, not a string, number or boolean";
                        return false;
                }
            }
            catch (InvalidOperationException)
            {
                value = string.Empty;
                error = "Non JSON record provided";
                return false;
            }
        }

        error = string.Empty;
        return true;
    }

    [GeneratedRegex("""^\s*(?<q>"?)(?<key>[A-Za-z_][A-Za-z0-9_]*)\k<q>\s*:\s*(?<path>\.[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*$""")]
    private static partial Regex KeyAndPath();
}
