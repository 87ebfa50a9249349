using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Pipeline.Contracts.Datasets;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>
/// Validates one record against its dataset and writes it normalised: schema fields first, in schema order
/// (strings trimmed, enums lower-cased, timestamps UTC ISO-8601 with milliseconds), then any fields the schema does
/// not know, unchanged, then <c>ingest_time</c>. Not thread-safe: it reuses one output buffer.
/// </summary>
/// <remarks>
/// It works on the record's UTF-8 bytes with <see cref="Utf8JsonReader"/>: no document, no string per field. Each
/// object is scanned once for where its fields' values start (that scan also checks the JSON, so a syntax error wins
/// over a rule broken earlier in the record, as with a parsed document), then its values are read and written in
/// schema order from those positions. Strings are only made for what leaves the normaliser: error messages,
/// partition key values (cached per value) and the alert group (cached per value).
/// </remarks>
public sealed class RecordNormalizer
{
    /// <summary>The field the transformer adds: when Firehose received the record.</summary>
    public const string IngestTimeField = "ingest_time";

    private const int MaxReportedErrors = 5;
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const int TimestampLength = 24;
    private const int Absent = -1;
    private const int NullValue = -2;
    private const int CachedStrings = 64;

    private static readonly JsonEncodedText IngestTimeName = JsonEncodedText.Encode(IngestTimeField);
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Keep non-ASCII text (city names, page titles) readable in the data lake instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    private readonly CompiledField[] _fields;
    private readonly bool _hasPartitionKeys;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;
    private readonly List<string> _errors = [];
    private readonly HashSet<string>? _alertValues;

    // Per object, as a stack: unknown properties (name, value, end) and repeated schema fields, in document order.
    private readonly List<(int Name, int Value, int End)> _unknown = [];
    private readonly List<CompiledField> _duplicates = [];

    private readonly List<KeyValuePair<string, string>> _keys = [];
    private readonly List<Dictionary<string, string>> _keySets = [];
    private readonly List<(byte[] Utf8, string Text)> _strings = [];
    private (int Year, int Month, int Day, string Text) _lastDate;
    private byte[] _scratch = new byte[256];
    private byte[] _group = new byte[64];
    private int _groupLength;
    private bool _hasGroup;
    private string? _alertStatus;

    // Records normally list their fields in schema order: they are then written as they are read, in one pass. The
    // first field out of order sends the record back to the start in positional mode (scan, then read in order).
    private bool _positional;
    private bool _outOfOrder;

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
        if (!TryNormalize(data.Span, ingestTime, out var written, out var keys, out var alert, out var error))
        {
            return NormalizedRecord.Failed(error);
        }

        return new NormalizedRecord(Convert.ToBase64String(written), keys, null, alert);
    }

    /// <summary>
    /// Normalises one record into this normaliser's buffer: <paramref name="written"/> is the new record with its
    /// newline, valid until the next call. Partition key sets are shared between records with the same values and
    /// must not be changed.
    /// </summary>
    internal bool TryNormalize(
        ReadOnlySpan<byte> json,
        DateTimeOffset ingestTime,
        out ReadOnlySpan<byte> written,
        out IReadOnlyDictionary<string, string>? partitionKeys,
        out StatusAlert? alert,
        out string error)
    {
        written = default;
        partitionKeys = null;
        alert = null;
        error = "";
        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            error = "record is empty";
            return false;
        }

        if (!Utf8.IsValid(json))
        {
            error = "record is not valid UTF-8";
            return false;
        }

        try
        {
            _positional = false;
            if (!TryWriteRecord(json, ingestTime, out error))
            {
                return false;
            }

            if (_outOfOrder)
            {
                _positional = true;
                TryWriteRecord(json, ingestTime, out error);
            }
        }
        catch (JsonException e)
        {
            error = $"record is not valid JSON: {FirstSentence(e.Message)}";
            return false;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate: the text cannot be read as a string.
            error = "record is not valid JSON: a string holds an invalid UTF-16 escape";
            return false;
        }

        if (error.Length > 0)
        {
            return false;
        }

        _writer.Flush();
        if (_errors.Count > 0)
        {
            error = string.Join("; ", _errors.Take(MaxReportedErrors));
            return false;
        }

        // Firehose concatenates records into one object; the newline keeps them one JSON document per line.
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        written = _buffer.WrittenSpan;
        partitionKeys = _hasPartitionKeys ? KeySet() : null;
        if (_alertStatus is not null && _alertValues!.Contains(_alertStatus))
        {
            alert = new StatusAlert(_alertStatus, _hasGroup ? CachedString(_group.AsSpan(0, _groupLength)) : "");
        }

        return true;
    }

    private bool TryWriteRecord(ReadOnlySpan<byte> json, DateTimeOffset ingestTime, out string error)
    {
        error = "";
        _errors.Clear();
        _unknown.Clear();
        _duplicates.Clear();
        _keys.Clear();
        _alertStatus = null;
        _hasGroup = false;
        _outOfOrder = false;
        _buffer.ResetWrittenCount();
        _writer.Reset();

        var reader = new Utf8JsonReader(json, ReaderOptions);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var kind = reader.TokenType;
            reader.Skip();
            reader.Read();
            error = $"record must be a JSON object, got {Describe(kind)}";
            return false;
        }

        if (_positional)
        {
            WriteObject(json, ref reader, 0, _fields, topLevel: true, ingestTime);
        }
        else
        {
            WriteObjectInOrder(json, ref reader, _fields, topLevel: true, ingestTime);
        }

        return true;
    }

    // One pass: the reader is on the object's StartObject; on return it is on its EndObject (or anywhere, when a field
    // came out of schema order and _outOfOrder is set). Unknown properties are remembered and copied at the end.
    private void WriteObjectInOrder(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, CompiledField[] fields, bool topLevel, DateTimeOffset ingestTime)
    {
        var unknownFrom = _unknown.Count;
        var next = 0;
        _writer.WriteStartObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = (int)reader.TokenStartIndex;
            var index = IndexOf(fields, ref reader, next);
            if (index < 0)
            {
                if (IndexOf(fields, ref reader, 0) >= 0)
                {
                    // Out of order or repeated: the positional pass reports it exactly.
                    _outOfOrder = true;
                    return;
                }

                var isIngestTime = topLevel && reader.ValueTextEquals(IngestTimeName.EncodedUtf8Bytes);
                reader.Read();
                var value = (int)reader.TokenStartIndex;
                reader.Skip();
                if (!isIngestTime)
                {
                    _unknown.Add((name, value, (int)reader.BytesConsumed));
                }

                continue;
            }

            for (; next < index; next++)
            {
                MissingUnlessOptional(fields[next]);
            }

            next = index + 1;
            var field = fields[index];
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                MissingUnlessOptional(field);
                continue;
            }

            _writer.WritePropertyName(field.EncodedName);
            WriteValue(json, ref reader, 0, field);
            if (_outOfOrder)
            {
                return;
            }
        }

        for (; next < fields.Length; next++)
        {
            MissingUnlessOptional(fields[next]);
        }

        if (topLevel)
        {
            // Anything after the record's object fails it as not JSON (the reader throws).
            var end = reader;
            end.Read();
        }

        for (var i = unknownFrom; i < _unknown.Count; i++)
        {
            CopyProperty(json, _unknown[i]);
        }

        _unknown.RemoveRange(unknownFrom, _unknown.Count - unknownFrom);
        WriteEnd(topLevel, ingestTime);
    }

    private void MissingUnlessOptional(CompiledField field)
    {
        if (field.Definition.Required)
        {
            AddError($"missing required field '{field.Path}'");
        }
    }

    private void WriteEnd(bool topLevel, DateTimeOffset ingestTime)
    {
        if (topLevel)
        {
            Span<byte> stamp = stackalloc byte[TimestampLength];
            Utf8Timestamp.Format(ingestTime.UtcDateTime, stamp);
            _writer.WriteString(IngestTimeName, stamp);
        }

        _writer.WriteEndObject();
    }

    // The reader is on the object's StartObject; on return it is on its EndObject. For the record itself the scan
    // also reads whatever follows, so trailing content fails the record as a parsed document would.
    private void WriteObject(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, int offset, CompiledField[] fields, bool topLevel, DateTimeOffset ingestTime)
    {
        var unknownFrom = _unknown.Count;
        var duplicatesFrom = _duplicates.Count;
        Span<int> valueAt = fields.Length <= 64 ? stackalloc int[fields.Length] : new int[fields.Length];
        valueAt.Fill(Absent);
        Span<bool> seen = fields.Length <= 64 ? stackalloc bool[fields.Length] : new bool[fields.Length];

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = offset + (int)reader.TokenStartIndex;
            var index = IndexOf(fields, ref reader);
            var isIngestTime = topLevel && index < 0 && reader.ValueTextEquals(IngestTimeName.EncodedUtf8Bytes);
            reader.Read();
            var value = offset + (int)reader.TokenStartIndex;
            var isNull = reader.TokenType == JsonTokenType.Null;
            reader.Skip();
            if (index >= 0)
            {
                if (seen[index])
                {
                    _duplicates.Add(fields[index]);
                }

                // The last occurrence is the one read, as with a parsed document.
                seen[index] = true;
                valueAt[index] = isNull ? NullValue : value;
            }
            else if (!isIngestTime)
            {
                _unknown.Add((name, value, offset + (int)reader.BytesConsumed));
            }
        }

        if (topLevel)
        {
            // Anything after the record's object fails it as not JSON (the reader throws).
            var end = reader;
            end.Read();
        }

        _writer.WriteStartObject();
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            if (valueAt[i] >= 0)
            {
                _writer.WritePropertyName(field.EncodedName);
                var valueReader = new Utf8JsonReader(json[valueAt[i]..]);
                valueReader.Read();
                WriteValue(json, ref valueReader, valueAt[i] - (int)valueReader.TokenStartIndex, field);
            }
            else if (field.Definition.Required)
            {
                AddError($"missing required field '{field.Path}'");
            }
        }

        for (var i = duplicatesFrom; i < _duplicates.Count; i++)
        {
            AddError($"field '{_duplicates[i].Path}' appears more than once");
        }

        for (var i = unknownFrom; i < _unknown.Count; i++)
        {
            CopyProperty(json, _unknown[i]);
        }

        _unknown.RemoveRange(unknownFrom, _unknown.Count - unknownFrom);
        _duplicates.RemoveRange(duplicatesFrom, _duplicates.Count - duplicatesFrom);
        WriteEnd(topLevel, ingestTime);
    }

    private static int IndexOf(CompiledField[] fields, ref Utf8JsonReader reader, int from = 0)
    {
        for (var i = from; i < fields.Length; i++)
        {
            if (reader.ValueTextEquals(fields[i].EncodedName.EncodedUtf8Bytes))
            {
                return i;
            }
        }

        return -1;
    }

    // The reader is on the value's first token (offset: where the reader's input starts in the record); on return it
    // is on the value's last token.
    private void WriteValue(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, int offset, CompiledField field)
    {
        var definition = field.Definition;
        switch (definition.Type)
        {
            case FieldType.String:
                WriteString(field, ref reader);
                break;
            case FieldType.Int:
            case FieldType.Long:
                WriteInteger(field, ref reader);
                break;
            case FieldType.Double:
                WriteDouble(field, ref reader);
                break;
            case FieldType.Boolean:
                if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
                {
                    var value = reader.GetBoolean();
                    _writer.WriteBooleanValue(value);
                    AddPartitionKey(field, value ? "true" : "false");
                }
                else
                {
                    TypeError(field, "a boolean", ref reader);
                }

                break;
            case FieldType.Timestamp:
                WriteTimestamp(field, ref reader);
                break;
            case FieldType.Struct:
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    TypeError(field, "an object", ref reader);
                }
                else if (_positional)
                {
                    WriteObject(json, ref reader, offset, field.Fields!, topLevel: false, default);
                }
                else
                {
                    WriteObjectInOrder(json, ref reader, field.Fields!, topLevel: false, default);
                }

                break;
            case FieldType.Array:
                WriteArray(json, ref reader, offset, field);
                break;
            default:
                AddError($"field '{field.Path}' has unsupported type {definition.Type}");
                _writer.WriteNullValue();
                reader.Skip();
                break;
        }
    }

    private void WriteString(CompiledField field, ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            TypeError(field, "a string", ref reader);
            return;
        }

        var definition = field.Definition;
        var text = Trim(Unescaped(ref reader));
        string? canonical = null;
        if (field.EnumValues is not null)
        {
            if (!TryCanonical(field, text, out canonical))
            {
                AddError($"field '{field.Path}' is '{Truncate(Encoding.UTF8.GetString(text))}', not one of {string.Join(", ", definition.Enum!)}");
                _writer.WriteNullValue();
                return;
            }
        }

        // Lengths are in UTF-16 code units, as the rule has always counted them.
        var length = canonical?.Length ?? (definition.MinLength is not null || definition.MaxLength is not null ? Encoding.UTF8.GetCharCount(text) : 0);
        if (definition.MinLength is { } min && length < min)
        {
            AddError($"field '{field.Path}' is shorter than {min} characters");
        }
        else if (definition.MaxLength is { } max && length > max)
        {
            AddError($"field '{field.Path}' is longer than {max} characters ({length})");
        }
        else if (field.Pattern is not null && !(canonical is null ? field.Pattern.IsMatch(text) : field.Pattern.IsMatch(Encoding.UTF8.GetBytes(canonical))))
        {
            var shown = canonical ?? Encoding.UTF8.GetString(text);
            AddError($"field '{field.Path}' value '{Truncate(shown)}' does not match {definition.Pattern}");
        }

        if (canonical is null)
        {
            _writer.WriteStringValue(text);
        }
        else
        {
            _writer.WriteStringValue(canonical);
        }

        if (field.PartitionKeys.Length > 0)
        {
            AddPartitionKey(field, canonical ?? CachedString(text));
        }

        if (field.IsAlertStatus)
        {
            _alertStatus = canonical ?? CachedString(text);
        }

        if (field.IsAlertGroup)
        {
            var value = canonical is null ? text : Encoding.UTF8.GetBytes(canonical);
            if (_group.Length < value.Length)
            {
                _group = new byte[value.Length];
            }

            value.CopyTo(_group);
            _groupLength = value.Length;
            _hasGroup = true;
        }
    }

    private static bool TryCanonical(CompiledField field, ReadOnlySpan<byte> text, out string? canonical)
    {
        if (field.AsciiEnum is { } values && Ascii.IsValid(text))
        {
            foreach (var (value, lower) in values)
            {
                if (Ascii.EqualsIgnoreCase(text, value))
                {
                    canonical = lower;
                    return true;
                }
            }

            canonical = null;
            return false;
        }

        // Non-ASCII text can still equal an allowed value under ordinal case-insensitive rules.
        return field.EnumValues!.TryGetValue(Encoding.UTF8.GetString(text), out canonical);
    }

    private void WriteInteger(CompiledField field, ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var number)
            || (field.Definition.Type == FieldType.Int && number is < int.MinValue or > int.MaxValue))
        {
            TypeError(field, field.Definition.Type == FieldType.Int ? "a 32-bit integer" : "a 64-bit integer", ref reader);
            return;
        }

        CheckRange(field, number);
        _writer.WriteNumberValue(number);
        if (field.PartitionKeys.Length > 0)
        {
            AddPartitionKey(field, number.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void WriteDouble(CompiledField field, ref Utf8JsonReader reader)
    {
        // A plain decimal in shortest form is finite and written as it is: with no range and no partition key to
        // check, there is nothing to parse it for.
        if (reader.TokenType == JsonTokenType.Number && IsShortestForm(reader.ValueSpan))
        {
            if (!field.CopiesShortestNumbers)
            {
                var value = ParseShortest(reader.ValueSpan);
                CheckRange(field, value);
                if (field.PartitionKeys.Length > 0)
                {
                    AddPartitionKey(field, value.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            _writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
            return;
        }

        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            TypeError(field, "a finite number", ref reader);
            return;
        }

        CheckRange(field, number);
        if (IsShortestForm(reader.ValueSpan))
        {
            _writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
        }
        else
        {
            _writer.WriteNumberValue(number);
        }

        if (field.PartitionKeys.Length > 0)
        {
            AddPartitionKey(field, number.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Whether the number's text is already what <see cref="Utf8JsonWriter.WriteNumberValue(double)"/> writes for its
    /// value, so it can be copied instead of formatted: plain decimal (no exponent), no redundant zeros, at most 15
    /// significant digits (any two such decimals are different doubles, so the shortest round-trip form is the text
    /// itself), and inside the range written without an exponent (1E-04 up to below 1E+15).
    /// </summary>
    private static bool IsShortestForm(ReadOnlySpan<byte> text)
    {
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var integerStart = i;
        while (i < text.Length && (uint)(text[i] - '0') <= 9)
        {
            i++;
        }

        var integerDigits = i - integerStart;
        if (integerDigits == 0 || integerDigits > 15 || (integerDigits > 1 && text[integerStart] == '0'))
        {
            return false;
        }

        var integerIsZero = integerDigits == 1 && text[integerStart] == '0';
        if (i == text.Length)
        {
            // "-0" is written as "-0" too, but keep the rule simple: no negative zero.
            return !(integerIsZero && integerStart == 1);
        }

        if (text[i] != '.')
        {
            return false;
        }

        var fractionStart = ++i;
        while (i < text.Length && (uint)(text[i] - '0') <= 9)
        {
            i++;
        }

        var fractionDigits = i - fractionStart;
        if (i != text.Length || fractionDigits == 0 || text[^1] == '0')
        {
            return false;
        }

        if (!integerIsZero)
        {
            return integerDigits + fractionDigits <= 15;
        }

        var leadingZeros = text[fractionStart..].IndexOfAnyExcept((byte)'0');
        return leadingZeros <= 3 && fractionDigits - leadingZeros <= 15;
    }

    /// <summary>
    /// The value of a number <see cref="IsShortestForm"/> accepted, without the general parser: at most 15
    /// significant digits make an integer below 2^53 and at most 18 decimals a power of ten below 10^22, both exact
    /// doubles, so their quotient is the correctly rounded value, which is what the parser returns too.
    /// </summary>
    private static double ParseShortest(ReadOnlySpan<byte> text)
    {
        var negative = text[0] == '-';
        long digits = 0;
        var decimals = -1;
        for (var i = negative ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.')
            {
                decimals = 0;
                continue;
            }

            digits = (digits * 10) + (c - '0');
            if (decimals >= 0)
            {
                decimals++;
            }
        }

        var value = decimals > 0 ? digits / PowersOfTen[decimals] : digits;
        return negative ? -value : value;
    }

    private static ReadOnlySpan<double> PowersOfTen => [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

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

    private void WriteTimestamp(CompiledField field, ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            TypeError(field, "an ISO-8601 timestamp string", ref reader);
            return;
        }

        var text = Trim(Unescaped(ref reader));
        if (!Utf8Timestamp.TryParse(text, out var instant))
        {
            AddError($"field '{field.Path}' value '{Truncate(Encoding.UTF8.GetString(text))}' is not an ISO-8601 timestamp");
            _writer.WriteNullValue();
            return;
        }

        if (instant.Year is < 1970 or > 2100)
        {
            AddError($"field '{field.Path}' value '{Truncate(Encoding.UTF8.GetString(text))}' is outside the years 1970-2100");
        }

        Span<byte> stamp = stackalloc byte[TimestampLength];
        Utf8Timestamp.Format(instant, stamp);
        _writer.WriteStringValue(stamp);
        foreach (var key in field.PartitionKeys)
        {
            AddKey(key.Name, key.Format == "yyyy-MM-dd" ? DateKey(instant) : instant.ToString(key.Format ?? TimestampFormat, CultureInfo.InvariantCulture));
        }
    }

    private string DateKey(DateTime instant)
    {
        var (year, month, day) = instant;
        if (_lastDate.Text is null || _lastDate.Year != year || _lastDate.Month != month || _lastDate.Day != day)
        {
            _lastDate = (year, month, day, instant.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return _lastDate.Text;
    }

    private void WriteArray(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, int offset, CompiledField field)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            TypeError(field, "an array", ref reader);
            return;
        }

        // The item count is only known at the end; its error still comes before the items' own.
        var countErrorAt = _errors.Count;
        var count = 0;
        _writer.WriteStartArray();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            count++;
            if (reader.TokenType == JsonTokenType.Null)
            {
                AddError($"field '{field.Path}' contains null");
                _writer.WriteNullValue();
                continue;
            }

            WriteValue(json, ref reader, offset, field.Items!);
            if (_outOfOrder)
            {
                return;
            }
        }

        _writer.WriteEndArray();
        if (field.Definition.MaxItems is { } max && count > max && countErrorAt < MaxReportedErrors)
        {
            _errors.Insert(countErrorAt, $"field '{field.Path}' has {count} items, more than {max}");
        }
    }

    // An unknown property goes out as it came in, re-encoded like every other value.
    private void CopyProperty(ReadOnlySpan<byte> json, (int Name, int Value, int End) property)
    {
        var name = new Utf8JsonReader(json[property.Name..property.Value]);
        name.Read();
        _writer.WritePropertyName(Unescaped(ref name));

        var reader = new Utf8JsonReader(json[property.Value..property.End]);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    _writer.WriteStartObject();
                    break;
                case JsonTokenType.EndObject:
                    _writer.WriteEndObject();
                    break;
                case JsonTokenType.StartArray:
                    _writer.WriteStartArray();
                    break;
                case JsonTokenType.EndArray:
                    _writer.WriteEndArray();
                    break;
                case JsonTokenType.PropertyName:
                    _writer.WritePropertyName(Unescaped(ref reader));
                    break;
                case JsonTokenType.String:
                    _writer.WriteStringValue(Unescaped(ref reader));
                    break;
                case JsonTokenType.Number:
                    _writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                    break;
                case JsonTokenType.True:
                case JsonTokenType.False:
                    _writer.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                    break;
                default:
                    _writer.WriteNullValue();
                    break;
            }
        }
    }

    // The token's text with escapes resolved; valid until the next call.
    private ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        if (_scratch.Length < reader.ValueSpan.Length)
        {
            _scratch = new byte[Math.Max(reader.ValueSpan.Length, _scratch.Length * 2)];
        }

        return _scratch.AsSpan(0, reader.CopyString(_scratch));
    }

    // string.Trim's rule (Unicode white space at both ends) on UTF-8.
    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text)
    {
        while (!text.IsEmpty && !(text[0] is > 0x20 and < 0x80))
        {
            if (Rune.DecodeFromUtf8(text, out var rune, out var length) != OperationStatus.Done || !Rune.IsWhiteSpace(rune))
            {
                break;
            }

            text = text[length..];
        }

        while (!text.IsEmpty && !(text[^1] is > 0x20 and < 0x80))
        {
            if (Rune.DecodeLastFromUtf8(text, out var rune, out var length) != OperationStatus.Done || !Rune.IsWhiteSpace(rune))
            {
                break;
            }

            text = text[..^length];
        }

        return text;
    }

    // A small cache of the strings made from record text (alert groups, statuses, partition key values), which repeat.
    private string CachedString(ReadOnlySpan<byte> utf8)
    {
        foreach (var (bytes, text) in _strings)
        {
            if (utf8.SequenceEqual(bytes))
            {
                return text;
            }
        }

        var made = Encoding.UTF8.GetString(utf8);
        if (_strings.Count < CachedStrings && utf8.Length <= 128)
        {
            _strings.Add((utf8.ToArray(), made));
        }

        return made;
    }

    private void AddPartitionKey(CompiledField field, string value)
    {
        foreach (var key in field.PartitionKeys)
        {
            AddKey(key.Name, value);
        }
    }

    private void AddKey(string name, string value)
    {
        if (!_hasPartitionKeys)
        {
            return;
        }

        foreach (var key in _keys)
        {
            if (key.Key == name)
            {
                return;
            }
        }

        _keys.Add(new KeyValuePair<string, string>(name, value));
    }

    // Records of one batch mostly share their partition keys: the same set is handed out again rather than rebuilt.
    private Dictionary<string, string> KeySet()
    {
        foreach (var set in _keySets)
        {
            if (set.Count == _keys.Count && HoldsKeys(set))
            {
                return set;
            }
        }

        var made = new Dictionary<string, string>(_keys, StringComparer.Ordinal);
        if (_keySets.Count == 16)
        {
            _keySets.RemoveAt(0);
        }

        _keySets.Add(made);
        return made;
    }

    // A loop, not TrueForAll with a lambda: the lambda would capture the set, an allocation per record.
    private bool HoldsKeys(Dictionary<string, string> set)
    {
        foreach (var (key, value) in _keys)
        {
            if (!set.TryGetValue(key, out var held) || !string.Equals(held, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private void TypeError(CompiledField field, string expected, ref Utf8JsonReader reader)
    {
        AddError($"field '{field.Path}' must be {expected}, got {Describe(reader.TokenType)}");
        _writer.WriteNullValue();
        reader.Skip();
    }

    private void AddError(string error)
    {
        if (_errors.Count < MaxReportedErrors)
        {
            _errors.Add(error);
        }
    }

    private static string Describe(JsonTokenType kind) => kind switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    private static string Truncate(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 61), "...");

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
