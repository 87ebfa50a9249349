using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;
using Pipeline.Contracts.Datasets;
using Pipeline.FuzzTests.Support;

namespace Pipeline.FuzzTests.Transformer;

/// <summary>
/// Valid records generated from a dataset's schema in <c>datasets.json</c>, in every form the rules accept: enums in
/// any letter case, padded strings, timestamps with offsets and fractions, optional fields left out or null, and
/// fields the schema does not know. Patterns are generated from their character classes (the subset the datasets
/// use: literals, <c>[…]</c> classes with ranges, <c>{n}</c>); a pattern outside it fails loudly.
/// </summary>
internal static partial class SchemaRecords
{
    public static readonly DateTimeOffset Earliest = new(1970, 1, 2, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Latest = new(2100, 12, 30, 0, 0, 0, TimeSpan.Zero);

    public static Gen<JsonObject> For(DatasetDefinition dataset) =>
        Gen.Select(ObjectOf(dataset.Fields), Extras, (record, extras) =>
        {
            foreach (var (name, value) in extras)
            {
                if (!record.ContainsKey(name))
                {
                    record[name] = value;
                }
            }

            return record;
        });

    /// <summary>Fields the schema does not know: kept unchanged by the transformer.</summary>
    private static readonly Gen<(string, JsonNode?)[]> Extras =
        Gen.Select(
            Gen.OneOf("extra", "x_note", "Ünïcödé", "a b", "", "\u2028"),
            Gen.OneOf<JsonNode?>(Gen.Int.Select(i => (JsonNode?)i), Gen.Const((JsonNode?)null), Gens.UnicodeText(0, 20).Select(s => (JsonNode?)s), Gen.Bool.Select(b => (JsonNode?)b)))
            .Array[0, 2];

    private static Gen<JsonObject> ObjectOf(IReadOnlyList<FieldDefinition> fields) =>
        Gens.Sequence(fields.Select(FieldEntry)).Select(entries =>
        {
            var obj = new JsonObject();
            foreach (var (name, present, value) in entries)
            {
                if (present)
                {
                    obj[name] = value;
                }
            }

            return obj;
        });

    private static Gen<(string Name, bool Present, JsonNode? Value)> FieldEntry(FieldDefinition field)
    {
        var value = ValueOf(field);
        if (field.Required)
        {
            return value.Select(v => (field.Name, true, v));
        }

        // Optional: left out, null, or a valid value.
        return Gen.Frequency(
            (1, Gen.Const((field.Name, false, (JsonNode?)null))),
            (1, Gen.Const((field.Name, true, (JsonNode?)null))),
            (4, value.Select(v => (field.Name, true, v))));
    }

    private static Gen<JsonNode?> ValueOf(FieldDefinition field) => field.Type switch
    {
        FieldType.String => StringOf(field).Select(s => (JsonNode?)s),
        FieldType.Int => IntegerOf(field, int.MinValue, int.MaxValue),
        FieldType.Long => IntegerOf(field, long.MinValue, long.MaxValue),
        FieldType.Double => DoubleOf(field),
        FieldType.Boolean => Gen.Bool.Select(b => (JsonNode?)b),
        FieldType.Timestamp => Timestamps.Select(t => (JsonNode?)t.Text),
        FieldType.Struct => ObjectOf(field.Fields!).Select(o => (JsonNode?)o),
        FieldType.Array => ValueOf(field.Items!).Array[0, Math.Min(field.MaxItems ?? 6, 6)].Select(items => (JsonNode?)new JsonArray(items)),
        _ => throw new NotSupportedException($"The record generator does not know field type {field.Type}; teach it."),
    };

    private static Gen<string> StringOf(FieldDefinition field)
    {
        if (field.Enum is { } values)
        {
            // Matched case-insensitively after trimming.
            return Gen.Select(Gen.OneOf(values.ToArray()), Gen.Int[0, 2], Padding, (v, casing, pad) =>
                pad + (casing switch { 0 => v, 1 => v.ToUpperInvariant(), _ => Mixed(v) }) + pad);
        }

        if (field.Pattern is { } pattern)
        {
            return Gen.Select(PatternGen(pattern), Padding, (s, pad) => pad + s + pad);
        }

        var min = Math.Max(field.MinLength ?? 0, 0);
        var max = Math.Min(field.MaxLength ?? 80, 80);
        // Text without whitespace at either end (the transformer trims), counted in UTF-16 units as the rule counts.
        return Gen.Char['\u0021', '\ud7ff'].Where(c => !char.IsWhiteSpace(c)).Array[min, Math.Max(min, max)].Select(chars => new string(chars));
    }

    private static readonly Gen<string> Padding = Gen.OneOf("", "", "", " ", "\t", "  \n");

    private static string Mixed(string value) =>
        string.Concat(value.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c));

    private static Gen<JsonNode?> IntegerOf(FieldDefinition field, long typeMin, long typeMax)
    {
        var min = field.Min is { } a ? (long)Math.Ceiling(Math.Max(a, typeMin)) : typeMin;
        var max = field.Max is { } b ? (long)Math.Floor(Math.Min(b, typeMax)) : typeMax;
        return Gen.Long[min, max].Select(v => (JsonNode?)v);
    }

    private static Gen<JsonNode?> DoubleOf(FieldDefinition field)
    {
        var min = field.Min ?? -1e12;
        var max = field.Max ?? 1e12;
        return Gen.Frequency(
            (6, Gen.Double[min, max]),
            (1, Gen.Const(min)),
            (1, Gen.Const(max)),
            (1, Gen.Long[(long)Math.Ceiling(min), (long)Math.Floor(max)].Select(l => (double)l)))
            .Select(d => (JsonNode?)d);
    }

    /// <summary>An instant within the accepted years, written in one of the ISO-8601 forms the rules accept.</summary>
    public static readonly Gen<(DateTimeOffset Instant, string Text)> Timestamps =
        Gen.Select(
            Gen.Long[Earliest.UtcTicks, Latest.UtcTicks],
            Gen.Int[-14 * 60, 14 * 60],
            Gen.Int[0, 7],
            (ticks, offsetMinutes, form) =>
            {
                // Whole minutes keep every form exact; fractions come from the ticks.
                var offset = TimeSpan.FromMinutes(offsetMinutes);
                var utc = new DateTimeOffset(ticks, TimeSpan.Zero);
                var local = utc.ToOffset(offset);
                var sign = offset < TimeSpan.Zero ? "-" : "+";
                var abs = offset.Duration();
                var colon = $"{sign}{abs.Hours:00}:{abs.Minutes:00}";
                var plain = $"{sign}{abs.Hours:00}{abs.Minutes:00}";
                string Text(string format) => local.ToString(format, CultureInfo.InvariantCulture);
                return form switch
                {
                    0 => (utc, utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)),
                    1 => (utc, Text("yyyy-MM-dd'T'HH:mm:ss.fffffff") + colon),
                    2 => (utc, Text("yyyy-MM-dd HH:mm:ss.fffffff") + plain),
                    3 => (Truncate(utc, TimeSpan.TicksPerSecond), Text("yyyy-MM-dd'T'HH:mm:ss") + colon),
                    4 => (Truncate(utc, TimeSpan.TicksPerMinute), Text("yyyy-MM-dd'T'HH:mm") + colon),
                    5 => (Truncate(utc, TimeSpan.TicksPerMillisecond), Text("yyyy-MM-dd'T'HH:mm:ss.fff") + "z"),
                    6 => (utc.ToOffset(TimeSpan.Zero), Text("yyyy-MM-dd'T'HH:mm:ss.fffffff") + "+00:00"),
                    _ => (Truncate(utc, TimeSpan.TicksPerSecond), Text("yyyy-MM-dd'T'HH:mm:ss") + (offset == TimeSpan.Zero ? "Z" : colon)),
                };
            });

    private static DateTimeOffset Truncate(DateTimeOffset instant, long ticks) =>
        new(instant.UtcTicks - (instant.UtcTicks % ticks), TimeSpan.Zero);

    /// <summary>Strings matching <paramref name="pattern"/>: <c>^</c>, <c>$</c>, literals, classes, <c>{n}</c>.</summary>
    public static Gen<string> PatternGen(string pattern)
    {
        var parts = new List<Gen<string>>();
        var body = pattern.TrimStart('^').TrimEnd('$');
        foreach (Match token in PatternToken().Matches(body))
        {
            Gen<char> one;
            if (token.Groups["class"].Success)
            {
                var chars = new List<char>();
                var set = token.Groups["class"].Value;
                for (var i = 0; i < set.Length; i++)
                {
                    if (i + 2 < set.Length && set[i + 1] == '-')
                    {
                        for (var c = set[i]; c <= set[i + 2]; c++)
                        {
                            chars.Add(c);
                        }

                        i += 2;
                    }
                    else
                    {
                        chars.Add(set[i]);
                    }
                }

                one = Gen.OneOf(chars.ToArray());
            }
            else if (token.Groups["literal"].Success)
            {
                one = Gen.Const(token.Groups["literal"].Value[0]);
            }
            else
            {
                throw new NotSupportedException($"The record generator cannot generate pattern {pattern}; teach SchemaRecords.PatternGen.");
            }

            var count = token.Groups["count"].Success ? int.Parse(token.Groups["count"].Value, CultureInfo.InvariantCulture) : 1;
            parts.Add(one.Array[count].Select(chars => new string(chars)));
        }

        var whole = Gens.Sequence(parts).Select(p => string.Concat(p));
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        return whole.Select(s => regex.IsMatch(s) ? s : throw new NotSupportedException($"Generated '{s}' does not match {pattern}; teach SchemaRecords.PatternGen."));
    }

    [GeneratedRegex(@"\G(?:\[(?<class>[^\]\\]+)\]|(?<literal>[A-Za-z0-9_:/ -])|(?<other>.))(?:\{(?<count>\d+)\})?")]
    private static partial Regex PatternToken();

    public static byte[] Utf8(JsonObject record) => Encoding.UTF8.GetBytes(record.ToJsonString());
}
