using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Pipeline.Contracts.Datasets;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>
/// Validates one record against its dataset and writes it normalised: schema fields first, in schema order
/// (strings trimmed, enums lower-cased, timestamps UTC ISO-8601 with milliseconds), then any fields the schema does
/// not know, unchanged, then <c>ingest_time</c>. Not thread-safe: it reuses one output buffer.
/// </summary>
public sealed partial class RecordNormalizer
{
    /// <summary>The field the transformer adds: when Firehose received the record.</summary>
    public const string IngestTimeField = "ingest_time";

    private const int MaxReportedErrors = 5;
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private static readonly JsonEncodedText IngestTimeName = JsonEncodedText.Encode(IngestTimeField);
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Keep non-ASCII text (city names, page titles) readable in the data lake instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonDocumentOptions ReaderOptions = new() { MaxDepth = 64 };

    private readonly CompiledField[] _fields;
    private readonly bool _hasPartitionKeys;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;
    private readonly List<string> _errors = [];
    private readonly HashSet<string>? _alertValues;
    private Dictionary<string, string>? _partitionKeys;
    private string? _alertStatus;
    private string? _alertGroup;

    public RecordNormalizer(DatasetDefinition dataset)
    {
        Dataset = dataset;
        _fields = CompiledField.CompileTopLevel(dataset);
        _hasPartitionKeys = dataset.LambdaPartitionKeys.Count > 0;
        _alertValues = dataset.StatusAlerts is { } alerts ? new HashSet<string>(alerts.Values, StringComparer.Ordinal) : null;
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    public DatasetDefinition Dataset { get; }

    /// <summary>Normalises one record given as UTF-8 bytes; <paramref name="ingestTime"/> becomes <c>ingest_time</c>.</summary>
    public NormalizedRecord Normalize(ReadOnlyMemory<byte> data, DateTimeOffset ingestTime)
    {
        var span = data.Span;
        if (span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return NormalizedRecord.Failed("record is empty");
        }

        if (!Utf8.IsValid(span))
        {
            return NormalizedRecord.Failed("record is not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data, ReaderOptions);
        }
        catch (JsonException e)
        {
            return NormalizedRecord.Failed($"record is not valid JSON: {FirstSentence(e.Message)}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return NormalizedRecord.Failed($"record must be a JSON object, got {Describe(document.RootElement.ValueKind)}");
            }

            _errors.Clear();
            _partitionKeys = _hasPartitionKeys ? new Dictionary<string, string>(StringComparer.Ordinal) : null;
            _alertStatus = null;
            _alertGroup = null;
            _buffer.ResetWrittenCount();
            _writer.Reset();

            try
            {
                WriteObject(document.RootElement, _fields, topLevel: true, ingestTime);
                _writer.Flush();
            }
            catch (InvalidOperationException)
            {
                // JSON allows an escaped lone surrogate ("\ud800"), which is no text: the reader throws when it unescapes
                // one in a name or a string it compares, reads or copies. Such a record fails like any invalid one.
                return NormalizedRecord.Failed("record has a string with an escaped lone surrogate (\\uD800-\\uDFFF), which is not valid text");
            }

            if (_errors.Count > 0)
            {
                return NormalizedRecord.Failed(string.Join("; ", _errors));
            }

            // Firehose concatenates records into one object; the newline keeps them one JSON document per line.
            var written = _buffer.WrittenSpan;
            var withNewline = ArrayPool<byte>.Shared.Rent(written.Length + 1);
            try
            {
                written.CopyTo(withNewline);
                withNewline[written.Length] = (byte)'\n';
                var base64 = Convert.ToBase64String(withNewline, 0, written.Length + 1);
                var alert = _alertStatus is not null && _alertValues!.Contains(_alertStatus) ? new StatusAlert(_alertStatus, _alertGroup ?? "") : null;
                return new NormalizedRecord(base64, _partitionKeys, null, alert);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(withNewline);
            }
        }
    }

    private void WriteObject(JsonElement element, CompiledField[] fields, bool topLevel, DateTimeOffset ingestTime)
    {
        _writer.WriteStartObject();
        foreach (var field in fields)
        {
            if (element.TryGetProperty(field.EncodedName.EncodedUtf8Bytes, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                _writer.WritePropertyName(field.EncodedName);
                WriteValue(field, value);
            }
            else if (field.Definition.Required)
            {
                AddError($"missing required field '{field.Path}'");
            }
        }

        Span<bool> seen = fields.Length <= 128 ? stackalloc bool[fields.Length] : new bool[fields.Length];
        foreach (var property in element.EnumerateObject())
        {
            var index = IndexOf(fields, property);
            if (index >= 0)
            {
                if (seen[index])
                {
                    AddError($"field '{fields[index].Path}' appears more than once");
                }

                seen[index] = true;
                continue;
            }

            if (topLevel && property.NameEquals(IngestTimeField))
            {
                continue;
            }

            property.WriteTo(_writer);
        }

        if (topLevel)
        {
            _writer.WriteString(IngestTimeName, ingestTime.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture));
        }

        _writer.WriteEndObject();
    }

    private static int IndexOf(CompiledField[] fields, JsonProperty property)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (property.NameEquals(fields[i].EncodedName.EncodedUtf8Bytes))
            {
                return i;
            }
        }

        return -1;
    }

    private void WriteValue(CompiledField field, JsonElement value)
    {
        var definition = field.Definition;
        switch (definition.Type)
        {
            case FieldType.String:
                WriteString(field, value);
                break;
            case FieldType.Int:
            case FieldType.Long:
                WriteInteger(field, value);
                break;
            case FieldType.Double:
                WriteDouble(field, value);
                break;
            case FieldType.Boolean:
                if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    _writer.WriteBooleanValue(value.GetBoolean());
                    AddPartitionKey(field, value.GetBoolean() ? "true" : "false");
                }
                else
                {
                    TypeError(field, "a boolean", value);
                }

                break;
            case FieldType.Timestamp:
                WriteTimestamp(field, value);
                break;
            case FieldType.Struct:
                if (value.ValueKind == JsonValueKind.Object)
                {
                    WriteObject(value, field.Fields!, topLevel: false, default);
                }
                else
                {
                    TypeError(field, "an object", value);
                }

                break;
            case FieldType.Array:
                WriteArray(field, value);
                break;
            default:
                AddError($"field '{field.Path}' has unsupported type {definition.Type}");
                _writer.WriteNullValue();
                break;
        }
    }

    private void WriteString(CompiledField field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            TypeError(field, "a string", value);
            return;
        }

        var definition = field.Definition;
        var text = value.GetString()!.Trim();
        if (field.EnumValues is not null)
        {
            if (!field.EnumValues.TryGetValue(text, out var canonical))
            {
                AddError($"field '{field.Path}' is '{Truncate(text)}', not one of {string.Join(", ", definition.Enum!)}");
                _writer.WriteNullValue();
                return;
            }

            text = canonical;
        }

        if (definition.MinLength is { } min && text.Length < min)
        {
            AddError($"field '{field.Path}' is shorter than {min} characters");
        }
        else if (definition.MaxLength is { } max && text.Length > max)
        {
            AddError($"field '{field.Path}' is longer than {max} characters ({text.Length})");
        }
        else if (field.Pattern is not null && !Matches(field.Pattern, text))
        {
            AddError($"field '{field.Path}' value '{Truncate(text)}' does not match {definition.Pattern}");
        }

        _writer.WriteStringValue(text);
        AddPartitionKey(field, text);
        if (field.IsAlertStatus)
        {
            _alertStatus = text;
        }

        if (field.IsAlertGroup)
        {
            _alertGroup = text;
        }
    }

    private void WriteInteger(CompiledField field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number)
            || (field.Definition.Type == FieldType.Int && number is < int.MinValue or > int.MaxValue))
        {
            TypeError(field, field.Definition.Type == FieldType.Int ? "a 32-bit integer" : "a 64-bit integer", value);
            return;
        }

        CheckRange(field, number);
        _writer.WriteNumberValue(number);
        AddPartitionKey(field, number.ToString(CultureInfo.InvariantCulture));
    }

    private void WriteDouble(CompiledField field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            TypeError(field, "a finite number", value);
            return;
        }

        CheckRange(field, number);
        _writer.WriteNumberValue(number);
        AddPartitionKey(field, number.ToString("R", CultureInfo.InvariantCulture));
    }

    private void CheckRange(CompiledField field, double number)
    {
        var definition = field.Definition;
        if (definition.Min is { } min && number < min)
        {
            AddError($"field '{field.Path}' is {number.ToString(CultureInfo.InvariantCulture)}, below the minimum {min.ToString(CultureInfo.InvariantCulture)}");
        }
        else if (definition.Max is { } max && number > max)
        {
            AddError($"field '{field.Path}' is {number.ToString(CultureInfo.InvariantCulture)}, above the maximum {max.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private void WriteTimestamp(CompiledField field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            TypeError(field, "an ISO-8601 timestamp string", value);
            return;
        }

        var text = value.GetString()!.Trim();
        if (!IsoTimestamp().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            AddError($"field '{field.Path}' value '{Truncate(text)}' is not an ISO-8601 timestamp");
            _writer.WriteNullValue();
            return;
        }

        if (instant.Year is < 1970 or > 2100)
        {
            AddError($"field '{field.Path}' value '{Truncate(text)}' is outside the years 1970-2100");
        }

        _writer.WriteStringValue(instant.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture));
        foreach (var key in field.PartitionKeys)
        {
            _partitionKeys?.TryAdd(key.Name, instant.UtcDateTime.ToString(key.Format ?? TimestampFormat, CultureInfo.InvariantCulture));
        }
    }

    private void WriteArray(CompiledField field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            TypeError(field, "an array", value);
            return;
        }

        if (field.Definition.MaxItems is { } max && value.GetArrayLength() > max)
        {
            AddError($"field '{field.Path}' has {value.GetArrayLength()} items, more than {max}");
        }

        _writer.WriteStartArray();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Null)
            {
                AddError($"field '{field.Path}' contains null");
                _writer.WriteNullValue();
                continue;
            }

            WriteValue(field.Items!, item);
        }

        _writer.WriteEndArray();
    }

    private void AddPartitionKey(CompiledField field, string value)
    {
        foreach (var key in field.PartitionKeys)
        {
            _partitionKeys?.TryAdd(key.Name, value);
        }
    }

    private void TypeError(CompiledField field, string expected, JsonElement value)
    {
        AddError($"field '{field.Path}' must be {expected}, got {Describe(value.ValueKind)}");
        _writer.WriteNullValue();
    }

    private void AddError(string error)
    {
        if (_errors.Count < MaxReportedErrors)
        {
            _errors.Add(error);
        }
    }

    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Truncate(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 61), "...");

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|z|[+-]\d{2}(:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTimestamp();
}
