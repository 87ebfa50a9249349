using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bogus;
using Pipeline.Contracts.Datasets;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.Generator.Data.Schema;

/// <summary>
/// Valid records for any dataset, from its field definitions alone: types, ranges, lengths, enums and patterns. This
/// is what a dataset added to <c>datasets.json</c> gets without new code; the built-in datasets have richer generators.
/// </summary>
public sealed class SchemaRecordGenerator : IRecordGenerator
{
    private const int PatternSamplesChecked = 32;
    private const double OptionalFieldPresence = 0.75;
    private const int DefaultMaxLength = 40;
    private const int MaxArrayItems = 4;
    private const double DefaultNumberSpan = 1000;

    private readonly Randomizer _random;
    private readonly DatasetDefinition _dataset;
    private readonly IReadOnlyList<FieldPlan> _fields;
    private readonly StringBuilder _text = new();

    /// <exception cref="NotSupportedException">A field's constraints cannot be met (an unsatisfiable pattern or range).</exception>
    public SchemaRecordGenerator(DatasetDefinition dataset, int seed)
    {
        _dataset = dataset;
        _random = new Randomizer(seed);
        _fields = dataset.Fields
            .Where(f => f.Name != TraceParent.FieldName)
            .Select(f => Plan(f, f.Name, topLevel: true))
            .ToList();
    }

    public void Write(Utf8JsonWriter writer, DateTimeOffset eventTime) => WriteObject(writer, _fields, eventTime);

    private void WriteObject(Utf8JsonWriter writer, IReadOnlyList<FieldPlan> fields, DateTimeOffset eventTime)
    {
        writer.WriteStartObject();
        foreach (var field in fields)
        {
            if (!field.Definition.Required && !_random.Chance(OptionalFieldPresence))
            {
                continue;
            }

            writer.WritePropertyName(field.Name);
            WriteValue(writer, field, eventTime);
        }

        writer.WriteEndObject();
    }

    private void WriteValue(Utf8JsonWriter writer, FieldPlan field, DateTimeOffset eventTime)
    {
        switch (field.Strategy)
        {
            case ValueStrategy.EventTime:
                writer.WriteStringValue(eventTime);
                break;
            case ValueStrategy.Timestamp:
                writer.WriteStringValue(eventTime.AddMilliseconds(-Math.Round(_random.Double(0, 86_400_000))));
                break;
            case ValueStrategy.Integer:
                var span = field.Max - field.Min + 1;
                writer.WriteNumberValue((long)Math.Min(field.Max, field.Min + Math.Floor(_random.Double() * span)));
                break;
            case ValueStrategy.Number:
                writer.WriteNumberValue(Math.Clamp(Math.Round(_random.Double(field.Min, field.Max), 3), field.Min, field.Max));
                break;
            case ValueStrategy.Boolean:
                writer.WriteBooleanValue(_random.Bool());
                break;
            case ValueStrategy.Choice:
                writer.WriteStringValue(_random.Pick(field.Choices));
                break;
            case ValueStrategy.Pattern:
                writer.WriteStringValue(field.Pattern!.Generate(_random));
                break;
            case ValueStrategy.Constant:
                writer.WriteStringValue(field.Constant);
                break;
            case ValueStrategy.Uuid:
                writer.WriteStringValue(_random.UuidV4());
                break;
            case ValueStrategy.Object:
                WriteObject(writer, field.Fields, eventTime);
                break;
            case ValueStrategy.Array:
                writer.WriteStartArray();
                var count = _random.Number(0, field.MaxItems);
                for (var i = 0; i < count; i++)
                {
                    WriteValue(writer, field.Items!, eventTime);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Text(field));
                break;
        }
    }

    private string Text(FieldPlan field)
    {
        _text.Clear();
        switch (field.Strategy)
        {
            case ValueStrategy.Email:
                _text.Append(_random.Pick(SampleValues.FirstNames).ToLowerInvariant()).Append('.')
                    .Append(_random.Pick(SampleValues.Words)).Append(_random.Number(1, 999).ToString(CultureInfo.InvariantCulture))
                    .Append("@example.com");
                break;
            case ValueStrategy.Url:
                _text.Append("https://example.com/").Append(_random.Pick(SampleValues.Words)).Append('/')
                    .Append(_random.Number(1, 99_999).ToString(CultureInfo.InvariantCulture));
                break;
            case ValueStrategy.PersonName:
                _text.Append(_random.Pick(SampleValues.FirstNames)).Append(' ').Append(_random.Pick(SampleValues.LastNames));
                break;
            case ValueStrategy.City:
                _text.Append(_random.Pick(SampleValues.Cities));
                break;
        }

        var target = _random.Number(field.MinLength, Math.Min(field.MaxLength, Math.Max(field.MinLength, DefaultMaxLength)));
        if (field.Strategy == ValueStrategy.Words || _text.Length > field.MaxLength || _text.Length < field.MinLength)
        {
            _text.Clear();
            while (_text.Length < target)
            {
                _text.Append(_random.Pick(SampleValues.Words)).Append(' ');
            }

            _text.Length = target;

            // Validators compare trimmed lengths, so the value must not end (or start) with a space.
            if (target > 0 && _text[^1] == ' ')
            {
                _text[^1] = 'x';
            }
        }

        return _text.ToString();
    }

    private FieldPlan Plan(FieldDefinition field, string path, bool topLevel)
    {
        var name = JsonEncodedText.Encode(field.Name);
        switch (field.Type)
        {
            case FieldType.Timestamp:
                var isEventTime = topLevel && field.Name == _dataset.TimeField;
                return new FieldPlan { Definition = field, Name = name, Strategy = isEventTime ? ValueStrategy.EventTime : ValueStrategy.Timestamp };
            case FieldType.Int or FieldType.Long:
                var (lo, hi) = Bounds(field, path, field.Type == FieldType.Int ? int.MinValue : long.MinValue, field.Type == FieldType.Int ? int.MaxValue : long.MaxValue);
                (lo, hi) = (Math.Ceiling(lo), Math.Floor(hi));
                return lo <= hi
                    ? new FieldPlan { Definition = field, Name = name, Strategy = ValueStrategy.Integer, Min = lo, Max = hi }
                    : throw Unsatisfiable(path, "its range holds no whole number");
            case FieldType.Double:
                var (min, max) = Bounds(field, path, double.MinValue, double.MaxValue);
                return new FieldPlan { Definition = field, Name = name, Strategy = ValueStrategy.Number, Min = min, Max = max };
            case FieldType.Boolean:
                return new FieldPlan { Definition = field, Name = name, Strategy = ValueStrategy.Boolean };
            case FieldType.Struct:
                var fields = (field.Fields ?? []).Select(f => Plan(f, $"{path}.{f.Name}", topLevel: false)).ToList();
                return new FieldPlan { Definition = field, Name = name, Strategy = ValueStrategy.Object, Fields = fields };
            case FieldType.Array:
                var items = Plan(field.Items!, path + "[]", topLevel: false);
                return new FieldPlan
                {
                    Definition = field,
                    Name = name,
                    Strategy = ValueStrategy.Array,
                    Items = items,
                    MaxItems = Math.Min(field.MaxItems ?? MaxArrayItems, MaxArrayItems),
                };
            default:
                return PlanString(field, name, path, topLevel);
        }
    }

    private FieldPlan PlanString(FieldDefinition field, JsonEncodedText name, string path, bool topLevel)
    {
        var minLength = Math.Max(0, field.MinLength ?? 1);
        var maxLength = field.MaxLength ?? Math.Max(minLength, DefaultMaxLength);
        if (maxLength < minLength)
        {
            throw Unsatisfiable(path, "its max_length is below its min_length");
        }

        var plan = new FieldPlan { Definition = field, Name = name, Strategy = ValueStrategy.Words, MinLength = minLength, MaxLength = maxLength };
        if (field.Enum is { Count: > 0 } choices)
        {
            return new FieldPlan { Definition = field, Name = name, Strategy = ValueStrategy.Choice, Choices = choices };
        }

        if (field.Pattern is { } pattern)
        {
            return PlanPattern(plan, pattern, path);
        }

        var lower = field.Name.ToLowerInvariant();
        var strategy = lower switch
        {
            _ when (topLevel && field.Name == _dataset.IdField) || lower == "id" || lower.EndsWith("_id", StringComparison.Ordinal) => ValueStrategy.Uuid,
            _ when lower.Contains("email", StringComparison.Ordinal) => ValueStrategy.Email,
            _ when lower.EndsWith("url", StringComparison.Ordinal) || lower.EndsWith("uri", StringComparison.Ordinal) || lower.EndsWith("href", StringComparison.Ordinal) => ValueStrategy.Url,
            _ when lower == "name" || lower.EndsWith("_name", StringComparison.Ordinal) => ValueStrategy.PersonName,
            _ when lower.Contains("city", StringComparison.Ordinal) => ValueStrategy.City,
            _ => ValueStrategy.Words,
        };
        if (strategy == ValueStrategy.Uuid && (minLength > 36 || maxLength < 36))
        {
            strategy = ValueStrategy.Words;
        }

        return new FieldPlan { Definition = field, Name = name, Strategy = strategy, MinLength = minLength, MaxLength = maxLength };
    }

    private FieldPlan PlanPattern(FieldPlan plan, string pattern, string path)
    {
        var regex = new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant);
        bool Fits(string value) => regex.IsMatch(value) && value.Length >= plan.MinLength && value.Length <= plan.MaxLength;

        // Ids and similar fields usually ask for a UUID; prefer a real one over random hex in the same shape.
        var probe = new Randomizer(0);
        if (Fits(probe.UuidV4()) && Fits(probe.UuidV4()))
        {
            return With(plan, ValueStrategy.Uuid);
        }

        try
        {
            var generator = PatternGenerator.Parse(pattern);
            if (Enumerable.Range(0, PatternSamplesChecked).All(_ => Fits(generator.Generate(probe))))
            {
                return new FieldPlan
                {
                    Definition = plan.Definition,
                    Name = plan.Name,
                    Strategy = ValueStrategy.Pattern,
                    Pattern = generator,
                    MinLength = plan.MinLength,
                    MaxLength = plan.MaxLength,
                };
            }
        }
        catch (NotSupportedException)
        {
            // Beyond the generator: look for a fixed sample below.
        }

        var sample = SampleValues.Fallbacks.FirstOrDefault(Fits)
            ?? throw Unsatisfiable(path, $"no generated or sample value matches its pattern '{pattern}' within its lengths");
        return new FieldPlan
        {
            Definition = plan.Definition,
            Name = plan.Name,
            Strategy = ValueStrategy.Constant,
            Constant = sample,
            MinLength = plan.MinLength,
            MaxLength = plan.MaxLength,
        };
    }

    private static FieldPlan With(FieldPlan plan, ValueStrategy strategy) => new()
    {
        Definition = plan.Definition,
        Name = plan.Name,
        Strategy = strategy,
        MinLength = plan.MinLength,
        MaxLength = plan.MaxLength,
    };

    private (double Min, double Max) Bounds(FieldDefinition field, string path, double typeMin, double typeMax)
    {
        var min = field.Min ?? (field.Max is { } mx ? mx - DefaultNumberSpan : 0);
        var max = field.Max ?? min + DefaultNumberSpan;
        min = Math.Max(min, typeMin);
        max = Math.Min(max, typeMax);
        return min <= max ? (min, max) : throw Unsatisfiable(path, "its min is above its max");
    }

    private NotSupportedException Unsatisfiable(string path, string why) =>
        new($"Dataset '{_dataset.Name}': cannot generate field '{path}': {why}.");
}
