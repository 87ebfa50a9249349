using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer.Transformation;
using Pipeline.FuzzTests.Support;

namespace Pipeline.FuzzTests.Transformer;

/// <summary>
/// The Firehose transformer under hostile records: random bytes, mutated valid records, deep nesting, huge numbers,
/// invalid UTF-8, BOMs, duplicate keys, escaped lone surrogates and very long strings. Whatever arrives, every record
/// is answered once with its id, Ok or ProcessingFailed, failed records keep their bytes, Ok records are JSON that
/// passes the rules again unchanged, nothing throws, and the response fits the limit.
/// </summary>
public sealed class TransformerRecordHandlingTests
{
    /// <summary>Tokens that break JSON readers and the rules: escapes, numbers out of range, odd literals.</summary>
    private static readonly IReadOnlyList<byte[]> Dictionary = Mutations.Utf8(
        "\"", "\\", "\\u0000", "\\ud800", "\\udc00", "\\uD83D\\uDE00", "{", "}", "[", "]", ",", ":", "null", "true", "NaN", "Infinity",
        "1e400", "-1e400", "123456789012345678901234567890", "-0", "0.1e-400", "\u00ef\u00bb\u00bf", "\ufeff", "/*c*/", "//",
        "\"ingest_time\":", "\"event_time\":\"", "\"traceparent\":\"00-", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", " ");

    /// <summary>Raw JSON values put in place of a field of a valid record.</summary>
    private static readonly string[] HostileValues =
    [
        "1e400", "-1e400", "123456789012345678901234567890", "-0", "0.0000000000000000000000001", "1E+2", "9223372036854775808",
        "\"\\ud800\"", "\"\\udc00x\"", "\"a\\u0000b\"", "\"\\uD83D\\uDE00\"", "\"  OK  \"", "\"\\u0130\"", "\"ＯＫ\"",
        "\"2026-13-45T25:61:61Z\"", "\"9999-12-31T23:59:59-14:00\"", "\"0001-01-01T00:00:00+14:00\"", "\"2026-03-14T10:00:00.1234567891Z\"",
        "\"1969-12-31T23:59:59Z\"", "\"2101-01-01T00:00:00Z\"", "\"2026-03-14 10:00\"", "\"2026-03-14T10:00+05\"",
        "{}", "[]", "[null]", "null", "true", "\"\"", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "\"" + new string('x', 70_000) + "\"", "\"" + string.Concat(Enumerable.Repeat("\\u00e9", 5000)) + "\"",
    ];

    private static readonly Gen<byte[]> DeepNesting =
        Gen.Select(Gen.Int[1, 400], Gen.Bool, (depth, arrays) => Encoding.UTF8.GetBytes(arrays
            ? "{\"a\":" + new string('[', depth) + new string(']', depth) + "}"
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)));

    public static IEnumerable<object[]> Corpus() =>
        RepositoryFiles.CorpusFiles("transformer").Select(f => new object[] { f.Name });

    [Fact]
    public void Any_batch_is_answered_record_for_record()
    {
        var batches =
            from dataset in Gen.Int[0, TransformerEvents.Datasets.Length]
            let stream = dataset < TransformerEvents.Datasets.Length ? TransformerEvents.StreamArn(TransformerEvents.Datasets[dataset].Name) : TransformerEvents.StreamArn("unknown")
            from records in HostileRecord(TransformerEvents.Datasets[Math.Min(dataset, TransformerEvents.Datasets.Length - 1)]).Array[1, 8]
            select TransformerEvents.Event(stream, records);

        batches.Sample(batch => TransformerEvents.Check(batch), time: FuzzBudget.Seconds(0.35), threads: 1, print: Print);
    }

    [Fact]
    public void Any_event_is_answered_record_for_record()
    {
        // What Firehose itself puts in the event, taken to extremes: data that is not base64, any record id, any
        // arrival time.
        var data = Gen.Frequency(
            (3, HostileRecord(TransformerEvents.Datasets[0]).Select(Convert.ToBase64String)),
            (1, Gen.String),
            (1, Gen.OneOf("", "=", "AA=", "A", "####", "YQ", "YQ==\n")));
        var ids = Gen.Frequency((4, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))), (1, Gens.UnicodeText(0, 12)));
        var arrivals = Gen.Frequency((4, Gen.Long[0, SchemaRecords.Latest.ToUnixTimeMilliseconds()]), (1, Gen.Long));
        var events =
            from dataset in Gen.OneOf(TransformerEvents.Datasets)
            from records in Gen.Select(ids, arrivals, data, (id, arrival, d) => new FirehoseTransformationRecord(id, arrival, d)).Array[1, 6]
            select new FirehoseTransformationEvent("fuzz-invocation", TransformerEvents.StreamArn(dataset.Name), "us-east-1", records);

        events.Sample(input => TransformerEvents.Check(input), time: FuzzBudget.Seconds(0.1), threads: 1, print: Print);
    }

    [Fact]
    public void Valid_records_generated_from_the_schema_pass_normalised()
    {
        var records =
            from dataset in Gen.OneOf(TransformerEvents.Datasets)
            from record in SchemaRecords.For(dataset)
            from arrival in Gen.Long[SchemaRecords.Earliest.ToUnixTimeMilliseconds(), SchemaRecords.Latest.ToUnixTimeMilliseconds()]
            select (dataset, record, arrival);

        records.Sample((dataset, record, arrival) =>
        {
            var input = TransformerEvents.Event(TransformerEvents.StreamArn(dataset.Name), [SchemaRecords.Utf8(record)], arrival);
            var outcome = TransformerEvents.Check(input);
            var answer = Assert.Single(outcome.Response.Records);
            Assert.True(answer.Result == FirehoseRecordResult.Ok, $"a valid record failed: {outcome.Failures.FirstOrDefault()?.Reason}");

            var output = JsonNode.Parse(Convert.FromBase64String(answer.Data))!.AsObject();
            ExpectNormalised(dataset.Fields, record, output);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(arrival).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), (string?)output[RecordNormalizer.IngestTimeField]);
            Assert.Equal(RecordNormalizer.IngestTimeField, output.Last().Key);
        }, time: FuzzBudget.Seconds(0.3), threads: 1, print: t => t.Item2.ToJsonString());
    }

    [Fact]
    public void The_response_never_exceeds_the_limit()
    {
        // Small limits make the cut-off reachable with small batches; the limit always leaves room for every
        // record's smallest answer, as Lambda's 6 MB does for Firehose's 500 records.
        var cases =
            from dataset in Gen.OneOf(TransformerEvents.Datasets)
            from records in Gen.Frequency(
                (3, SchemaRecords.For(dataset).Select(SchemaRecords.Utf8)),
                (1, Gen.Byte.Array[0, 3000])).Array[1, 20]
            from room in Gen.Int[0, 20_000]
            select (dataset, records, room);

        cases.Sample((dataset, records, room) =>
        {
            var input = TransformerEvents.Event(TransformerEvents.StreamArn(dataset.Name), records);
            var minimal = ResponseSize.Envelope + input.Records.Sum(r => ResponseSize.MinimalFailure(r.RecordId) + 1);
            TransformerEvents.Check(input, minimal + room);
        }, time: FuzzBudget.Seconds(0.2), threads: 1, print: t => $"{t.Item1.Name} room {t.Item3}: {t.Item2.Length} records of {string.Join(",", t.Item2.Select(r => r.Length))} bytes");
    }

    [Fact]
    public void A_batch_over_six_megabytes_is_cut_to_fit_at_the_real_limit()
    {
        var dataset = TransformerEvents.Datasets[0];
        var record = SchemaRecords.For(dataset).Single(r => true, "0000000000001");
        record["padding"] = new string('p', 1_000_000);
        var input = TransformerEvents.Event(TransformerEvents.StreamArn(dataset.Name), Enumerable.Repeat(SchemaRecords.Utf8(record), 6).ToArray());

        var outcome = TransformerEvents.Check(input);

        Assert.Contains(outcome.Response.Records, r => r.Result == FirehoseRecordResult.Ok);
        Assert.Contains(outcome.Failures, f => f.Reason.Contains("limit", StringComparison.Ordinal));
    }

    /// <summary>Events fuzzing found that broke the contract, kept as they were found.</summary>
    [Theory]
    // Base64 with a line break decodes; echoed back, its '\n' is escaped, and the computed response size was 1 short.
    [InlineData("4", 373027826166, "YQ==\n")]
    // An arrival time DateTimeOffset cannot hold threw out of the handler and failed the whole batch.
    [InlineData("4", -75313994299501, "pwwO1XUoQsFOLQ==")]
    [InlineData("5", long.MaxValue, "e30=")]
    public void Found_events_are_answered_record_for_record(string recordId, long arrival, string data)
    {
        foreach (var dataset in TransformerEvents.Datasets)
        {
            TransformerEvents.Check(new FirehoseTransformationEvent("fuzz-invocation", TransformerEvents.StreamArn(dataset.Name), "us-east-1", [new FirehoseTransformationRecord(recordId, arrival, data)]));
        }
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Corpus_records_are_answered_record_for_record(string name)
    {
        var data = RepositoryFiles.CorpusFiles("transformer").Single(f => f.Name == name).Bytes;
        foreach (var dataset in TransformerEvents.Datasets)
        {
            TransformerEvents.Check(TransformerEvents.Event(TransformerEvents.StreamArn(dataset.Name), [data]));
        }
    }

    private static Gen<byte[]> HostileRecord(DatasetDefinition dataset)
    {
        var valid = SchemaRecords.For(dataset);
        return Gen.Frequency(
            (2, Gen.Byte.Array[0, 200]),
            (6, Mutations.Bytes(valid.Select(SchemaRecords.Utf8), Dictionary)),
            (4, Substituted(valid)),
            (1, DeepNesting),
            (1, valid.Select(r => (byte[])[0xEF, 0xBB, 0xBF, .. SchemaRecords.Utf8(r)])),
            (1, valid.Select(r => Encoding.UTF8.GetBytes(r.ToJsonString().Insert(1, $"\"{r.First().Key}\":{r.First().Value?.ToJsonString() ?? "null"},")))),
            (1, valid.Select(SchemaRecords.Utf8)));
    }

    /// <summary>A valid record with one field, at any depth, replaced by a hostile raw JSON value.</summary>
    private static Gen<byte[]> Substituted(Gen<JsonObject> valid) =>
        from record in valid
        let paths = Paths(record).ToArray()
        from path in Gen.Int[0, paths.Length - 1]
        from value in Gen.OneOf(HostileValues)
        select Replace(record, paths[path], value);

    private static IEnumerable<(JsonObject Parent, string Name)> Paths(JsonObject node)
    {
        foreach (var (name, value) in node.ToArray())
        {
            yield return (node, name);
            if (value is JsonObject child)
            {
                foreach (var path in Paths(child))
                {
                    yield return path;
                }
            }
        }
    }

    private static byte[] Replace(JsonObject record, (JsonObject Parent, string Name) path, string raw)
    {
        const string Marker = "\u0001hostile\u0001";
        var copy = JsonNode.Parse(record.ToJsonString())!.AsObject();
        // Find the same field in the copy by walking from the root.
        var parentPath = new List<string>();
        for (JsonNode? n = path.Parent; n?.Parent is not null; n = n.Parent)
        {
            parentPath.Insert(0, n.GetPropertyName());
        }

        var target = parentPath.Aggregate((JsonNode)copy, (n, name) => n[name]!).AsObject();
        target[path.Name] = Marker;
        return Encoding.UTF8.GetBytes(copy.ToJsonString().Replace("\"\\u0001hostile\\u0001\"", raw, StringComparison.Ordinal));
    }

    /// <summary>Each schema field the input has comes out normalised: trimmed, enums lower-cased, instants in UTC.</summary>
    private static void ExpectNormalised(IReadOnlyList<FieldDefinition> fields, JsonObject input, JsonObject output)
    {
        var known = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var expectedOrder = fields.Where(f => input[f.Name] is not null).Select(f => f.Name)
            .Concat(input.Where(p => !known.Contains(p.Key) && p.Key != RecordNormalizer.IngestTimeField).Select(p => p.Key))
            .ToList();
        Assert.Equal(expectedOrder, output.Select(p => p.Key).Where(k => k != RecordNormalizer.IngestTimeField).ToList());

        foreach (var field in fields)
        {
            if (input[field.Name] is not { } value)
            {
                continue;
            }

            ExpectValue(field, value, output[field.Name]);
        }
    }

    private static void ExpectValue(FieldDefinition field, JsonNode input, JsonNode? output)
    {
        switch (field.Type)
        {
            case FieldType.String:
                var text = input.GetValue<string>().Trim();
                Assert.Equal(field.Enum is null ? text : text.ToLowerInvariant(), output!.GetValue<string>());
                break;
            case FieldType.Timestamp:
                var instant = DateTimeOffset.Parse(input.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
                Assert.Equal(instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), output!.GetValue<string>());
                break;
            case FieldType.Struct:
                ExpectNormalised(field.Fields!, input.AsObject(), output!.AsObject());
                break;
            case FieldType.Array:
                var items = input.AsArray();
                Assert.Equal(items.Count, output!.AsArray().Count);
                for (var i = 0; i < items.Count; i++)
                {
                    ExpectValue(field.Items!, items[i]!, output[i]);
                }

                break;
            default:
                Assert.True(JsonNode.DeepEquals(input, output) || input.GetValue<double>() == output!.GetValue<double>(), $"{field.Name}: {input} became {output}");
                break;
        }
    }

    private static string Print(FirehoseTransformationEvent batch) =>
        $"{batch.DeliveryStreamArn}: [{string.Join(", ", batch.Records.Select(r => $"{r.RecordId} at {r.ApproximateArrivalTimestamp}: {r.Data}"))}]";
}
