using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer.Transformation;

namespace Pipeline.EndToEndTests.Infrastructure;

/// <summary>
/// What the pipeline must deliver for a seeded run: the generator's dry run of the same seed, judged by the
/// transformer's own rules in process. Valid records must appear in the raw data, the rest in the error prefix.
/// </summary>
internal sealed record ExpectedRecords(int Valid, int Invalid, double Sum, IReadOnlySet<string> ValidEventIds)
{
    public int Total => Valid + Invalid;

    public static ExpectedRecords Judge(DatasetDefinition dataset, IEnumerable<string> lines)
    {
        var normalizer = new RecordNormalizer(dataset);
        var valid = 0;
        var invalid = 0;
        var sum = 0.0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var result = normalizer.Normalize(Encoding.UTF8.GetBytes(line), DateTimeOffset.UnixEpoch);
            if (!result.Succeeded)
            {
                invalid++;
                continue;
            }

            valid++;
            var record = JsonNode.Parse(Convert.FromBase64String(result.Base64Data!))!;
            ids.Add((string)record[dataset.IdField]!);
            sum += ValueAt(record, dataset.SumField!) ?? 0;
        }

        return new ExpectedRecords(valid, invalid, sum, ids);
    }

    public static double? ValueAt(JsonNode record, string path)
    {
        JsonNode? node = record;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return node is null ? null : double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);
    }
}
