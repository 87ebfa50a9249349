using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bogus;
using Pipeline.Contracts.Datasets;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.Generator.Data.Flaws;

/// <summary>
/// Turns a share of valid records into malformed ones, each with one flaw the pipeline must catch: invalid JSON, a
/// wrong type, a missing required field, a number out of range, a value outside an enum, a string off its pattern.
/// Flaws are chosen from what the dataset's schema makes possible. The id field is never touched, so a test can
/// find each bad record again by its id in the error output.
/// </summary>
internal sealed class FlawInjector
{
    private readonly Randomizer _random;
    private readonly double _ratio;
    private readonly RecordFlaw[] _possible;
    private readonly Dictionary<RecordFlaw, List<FlawTarget>> _targets = [];

    public FlawInjector(DatasetDefinition dataset, double ratio, int seed)
    {
        _random = new Randomizer(seed);
        _ratio = ratio;
        foreach (var flaw in Enum.GetValues<RecordFlaw>())
        {
            _targets[flaw] = [];
        }

        Collect(dataset.Fields, [], dataset, topLevel: true);
        _possible = Enum.GetValues<RecordFlaw>()
            .Where(f => f == RecordFlaw.InvalidJson || (f != RecordFlaw.None && _targets[f].Count > 0))
            .ToArray();
    }

    /// <summary>The flaws this dataset's schema allows, in the order they are drawn from.</summary>
    public IReadOnlyList<RecordFlaw> Possible => _possible;

    /// <summary>The flaw the next record gets, <see cref="RecordFlaw.None"/> most of the time.</summary>
    public RecordFlaw Draw() =>
        _ratio > 0 && _random.Double() < _ratio ? _possible[_random.Number(0, _possible.Length - 1)] : RecordFlaw.None;

    /// <summary>Writes <paramref name="valid"/> with <paramref name="flaw"/> put into it.</summary>
    public void Apply(RecordFlaw flaw, ReadOnlySpan<byte> valid, IBufferWriter<byte> output, Utf8JsonWriter writer)
    {
        if (flaw == RecordFlaw.InvalidJson)
        {
            // A truncated object never parses; cutting on a character boundary keeps the bytes valid UTF-8.
            var cut = _random.Number(valid.Length / 3, Math.Max(valid.Length / 3, valid.Length * 2 / 3));
            while (cut > 0 && (valid[cut] & 0xC0) == 0x80)
            {
                cut--;
            }

            output.Write(valid[..cut]);
            return;
        }

        var root = JsonNode.Parse(valid)!.AsObject();
        var target = _random.Pick(_targets[flaw]);
        var parent = root;
        foreach (var name in target.Path.Take(target.Path.Count - 1))
        {
            parent = parent[name]!.AsObject();
        }

        var field = target.Path[^1];
        switch (flaw)
        {
            case RecordFlaw.MissingRequiredField:
                parent.Remove(field);
                break;
            case RecordFlaw.WrongType:
                parent[field] = WrongTypeValue(target.Field);
                break;
            case RecordFlaw.OutOfRange:
                parent[field] = OutOfRangeValue(target.Field);
                break;
            case RecordFlaw.NotInEnum:
            case RecordFlaw.PatternMismatch:
                parent[field] = JsonValue.Create(target.BadValue);
                break;
        }

        writer.Reset(output);
        root.WriteTo(writer);
        writer.Flush();
    }

    private JsonNode WrongTypeValue(FieldDefinition field) => field.Type switch
    {
        FieldType.Int or FieldType.Long or FieldType.Double => JsonValue.Create(_random.Bool() ? "n/a" : "12.5 units"),
        FieldType.Boolean => JsonValue.Create("yes"),
        FieldType.Struct => JsonValue.Create("{}"),
        FieldType.Array => JsonValue.Create(false),
        _ => JsonValue.Create(_random.Number(1, 99_999)),
    };

    private JsonNode OutOfRangeValue(FieldDefinition field)
    {
        var span = field.Min is { } lo && field.Max is { } hi ? Math.Max(1, hi - lo) : 1000;
        var above = field.Max is not null && (field.Min is null || _random.Bool());
        var value = above ? field.Max!.Value + span * _random.Double(0.01, 0.5) + 1 : field.Min!.Value - span * _random.Double(0.01, 0.5) - 1;
        return field.Type == FieldType.Double
            ? JsonValue.Create(Math.Round(value, 2))
            : JsonValue.Create((long)(above ? Math.Ceiling(value) : Math.Floor(value)));
    }

    private void Collect(IReadOnlyList<FieldDefinition> fields, List<string> parentPath, DatasetDefinition dataset, bool topLevel)
    {
        foreach (var field in fields)
        {
            if (topLevel && (field.Name == dataset.IdField || field.Name == TraceParent.FieldName))
            {
                continue;
            }

            var path = new List<string>(parentPath) { field.Name };
            _targets[RecordFlaw.WrongType].Add(new FlawTarget(path, field));
            if (field.Required)
            {
                _targets[RecordFlaw.MissingRequiredField].Add(new FlawTarget(path, field));
            }

            if (field.Type is FieldType.Int or FieldType.Long or FieldType.Double && (field.Min is not null || field.Max is not null))
            {
                _targets[RecordFlaw.OutOfRange].Add(new FlawTarget(path, field));
            }

            if (field.Type == FieldType.String && field.Enum is { Count: > 0 } choices)
            {
                var bad = new[] { "unknown", "invalid_value", "n/a" }
                    .First(v => !choices.Contains(v, StringComparer.OrdinalIgnoreCase));
                _targets[RecordFlaw.NotInEnum].Add(new FlawTarget(path, field, bad));
            }

            if (field.Type == FieldType.String && field.Pattern is { } pattern && BreakPattern(pattern) is { } broken)
            {
                _targets[RecordFlaw.PatternMismatch].Add(new FlawTarget(path, field, broken));
            }

            // Only fields whose parents always exist can be reached in every record.
            if (field.Type == FieldType.Struct && field.Required && field.Fields is { } children)
            {
                Collect(children, path, dataset, topLevel: false);
            }
        }
    }

    private static string? BreakPattern(string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        return new[] { "#not-valid#", "not valid", "0", "?", "zz" }.FirstOrDefault(v => !regex.IsMatch(v));
    }
}
