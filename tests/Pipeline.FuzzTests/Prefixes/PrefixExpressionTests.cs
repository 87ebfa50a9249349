using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Pipeline.FuzzTests.Support;
using Pipeline.LocalCloud.Firehose.Configuration;
using Pipeline.LocalCloud.Firehose.Prefixes;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.FuzzTests.Prefixes;

/// <summary>
/// The Firehose prefix-expression evaluator (<c>!{timestamp:…}</c>, <c>!{firehose:…}</c>,
/// <c>!{partitionKeyFromQuery:…}</c>, <c>!{partitionKeyFromLambda:…}</c>) and the MetadataExtraction query that
/// feeds partition keys. Any prefix pair is resolved or refused with a reason (Firehose's InvalidArgumentException
/// message); a resolved one evaluates at any instant in any time zone without throwing, its expressions add no path
/// syntax of their own, it stays within 512 characters, and the object key stays inside its bucket's folder.
/// </summary>
public sealed partial class PrefixExpressionTests
{
    private static readonly string[] Seeds =
    [
        "data/", "data/!{timestamp:yyyy/MM/dd/HH}/", "!{timestamp:yyyy}-!{timestamp:MM}/!{firehose:random-string}/",
        "raw/customer=!{partitionKeyFromQuery:customer}/device=!{partitionKeyFromLambda:device}/!{timestamp:yyyy'/'MM}/",
        "errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/", "x!{timestamp:EEEE MMMM a hh:mm:ss.SSSSSSSSS D k K u}/",
        "!{timestamp:'quoted ''literal'''yy}", "",
    ];

    private static readonly string[] Tokens =
    [
        "!{", "}", "!", "{", ":", "timestamp:", "firehose:", "random-string", "error-output-type", "partitionKeyFromQuery:", "partitionKeyFromLambda:",
        "customer", "device", "'", "''", "yyyy", "yy", "y", "uuuu", "MM", "MMM", "MMMM", "MMMMM", "dd", "ddd", "D", "DDD", "DDDD", "HH", "hh", "kk", "KK",
        "mm", "ss", "S", "SSSSSSSSS", "SSSSSSSSSS", "a", "aa", "E", "EEEE", "EEEEE", "G", "Y", "w", "x", "Z", "#", "[", "]", "/", ".", "..", "-", " ",
        new string('y', 600), "é", "😀",
    ];

    private static readonly string[] TimeZones = ["UTC", "America/New_York", "Asia/Kolkata", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Australia/Lord_Howe"];

    private static readonly string[] PartitionValues = ["v", "", "..", "../../etc", "/abs", "a/b", "%2e%2e", "\\", "\0", "😀", new string('z', 600)];

    private static readonly ObjectPathMapper Mapper = new("/data/s3/objects", caseSensitive: true);

    private static readonly Gen<DateTimeOffset> Instants = Gen.Frequency(
        (4, Gen.Long[new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks, new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks]),
        (1, Gen.Long[DateTimeOffset.MinValue.UtcTicks + TimeSpan.TicksPerDay, DateTimeOffset.MaxValue.UtcTicks - TimeSpan.TicksPerDay]))
        .Select(ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

    public static readonly Gen<PrefixCase> Cases =
        from prefix in Mutations.Text(Seeds, Tokens, maxEdits: 5)
        from error in Gen.Frequency((1, Gen.Const((string?)null)), (4, Mutations.Text(Seeds, Tokens, maxEdits: 5).Select(e => (string?)e)))
        from dynamic in Gen.Bool
        from instant in Instants
        from zone in Gen.OneOf(TimeZones)
        from value in Gen.Frequency((3, Gen.OneOf(PartitionValues)), (1, Gens.UnicodeText(0, 20)))
        select new PrefixCase(prefix, error, dynamic, instant, zone, value);

    public static IEnumerable<object[]> Corpus() =>
        RepositoryFiles.CorpusFiles("prefixes").Select(f => new object[] { f.Name });

    [Fact]
    public void Any_prefix_pair_is_resolved_and_evaluates_safely_or_is_refused_with_a_reason() =>
        Cases.Sample(input => Bounded.Run(() => Check(input)), time: FuzzBudget.Seconds(0.5), threads: 1);

    [Fact]
    public void A_broken_expression_is_refused()
    {
        var broken =
            from before in Mutations.Text(Seeds, [], maxEdits: 0)
            from expression in Gen.OneOf(
                "!{", "!{timestamp", "!{timestamp:}", "!{:yyyy}", "!{unknown:x}", "!{firehose:}", "!{firehose:random}", "!{timestamp:yyyy'}",
                "!{timestamp:Y}", "!{timestamp:ddd}", "!{timestamp:#}", "!{timestamp:[yyyy]}", "!{partitionKeyFromQuery:}", "!{Timestamp:yyyy}")
            from after in Gen.OneOf(Seeds)
            from asError in Gen.Bool
            select asError ? (Prefix: "p/", Error: (string?)(before + expression + after)) : (Prefix: before + expression + after, Error: (string?)"e/!{firehose:error-output-type}/");

        broken.Sample(input =>
        {
            var resolved = PrefixRules.TryResolve(input.Prefix, input.Error, dynamicPartitioning: true, out _, out var error);
            Assert.False(resolved, "a broken expression was accepted");
            Assert.Matches(input.Error is "e/!{firehose:error-output-type}/" ? "^Prefix is invalid: ." : "^ErrorOutputPrefix is invalid: .", error);
        }, time: FuzzBudget.Seconds(0.1), threads: 1, print: i => $"Prefix \"{i.Prefix}\", ErrorOutputPrefix \"{i.Error}\"");
    }

    [Fact]
    public void Timestamps_format_as_the_same_pattern_does_in_dotnet()
    {
        // The letters whose meaning Java's DateTimeFormatter and .NET's custom formats share: an oracle.
        var pieces = Gen.OneOf("yyyy", "MM", "dd", "HH", "mm", "ss", "/", "-", "_", "'T'", "'x''y'");
        var cases = Gen.Select(pieces.Array[1, 10].Select(p => string.Join('-', p)), Instants, (pattern, instant) => (pattern, instant));

        cases.Sample((pattern, instant) =>
        {
            // A leading literal keeps .NET from reading a one-letter pattern as a standard format.
            var template = PrefixTemplate.Parse($"!{{timestamp:'<'-{pattern}}}");
            var expected = instant.UtcDateTime.ToString("'<'-" + pattern.Replace("'x''y'", "'x'\\''y'", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            Assert.Equal(expected, template.Evaluate(new PrefixValues(instant, TimeZoneInfo.Utc)));
        }, time: FuzzBudget.Seconds(0.1), threads: 1);
    }

    [Fact]
    public void Any_metadata_query_and_record_give_a_value_or_a_reason()
    {
        var queries = Mutations.Text(["{customer:.customer,device:.a.b}", "{\"k\":.x}", ".customer", "{a:.b.c.d,e:.f}"], ["{", "}", ":", ".", ",", "\"", "|", " ", "a", "_1"], maxEdits: 4);
        var records = Mutations.Bytes(Mutations.Utf8("{\"customer\":\"c1\",\"a\":{\"b\":12.5e3}}", "{\"x\":true,\"b\":{\"c\":{\"d\":null}}}", "[1]"), Mutations.Utf8("\"", "{", "}", "\\ud800", "1e999", ":", ","), maxEdits: 4);

        Gen.Select(queries, records, Gen.OneOf("customer", "device", "k", "a", "e", "")).Sample((text, record, key) => Bounded.Run(() =>
        {
            var query = MetadataExtractionQuery.Parse(text);
            var found = query.TryExtract(record, key, out var value, out var error);
            Assert.True(found ? error.Length == 0 : error.Length > 0 && value.Length == 0, $"value '{value}', error '{error}'");
        }), time: FuzzBudget.Seconds(0.2), threads: 1, print: t => $"query {t.Item1}, record {Encoding.UTF8.GetString(t.Item2)}, key {t.Item3}");
    }

    /// <summary>Records fuzzing found that threw out of the extraction (and so out of the delivery) instead of failing alone.</summary>
    [Theory]
    [InlineData("eyJjdXN0b21lciI6ImOZIn0=")] // {"customer":"c\x99"}: invalid UTF-8 inside a string
    [InlineData("eyJjdXN0b21lciI6Ilx1ZDgwMCJ9")] // {"customer":"\ud800"}: an escaped lone surrogate
    [InlineData("eyJjXHVkODAwdXN0b21lciI6ImMxIn0=")] // {"c\ud800ustomer":"c1"}: one in a name
    public void Found_records_fail_metadata_extraction_with_a_reason(string base64)
    {
        var found = MetadataExtractionQuery.Parse("{customer:.customer}").TryExtract(Convert.FromBase64String(base64), "customer", out var value, out var error);

        Assert.False(found);
        Assert.Equal(("", "Non JSON record provided"), (value, error));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Corpus_prefixes_evaluate_safely_or_are_refused(string name) =>
        Check(PrefixCase.Parse(Encoding.UTF8.GetString(RepositoryFiles.CorpusFiles("prefixes").Single(f => f.Name == name).Bytes)));

    private static void Check(PrefixCase input)
    {
        if (!PrefixRules.TryResolve(input.Prefix, input.ErrorOutputPrefix, input.DynamicPartitioning, out var resolved, out var error))
        {
            Assert.False(string.IsNullOrWhiteSpace(error));
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(input.TimeZone);
        foreach (var (template, type) in new[] { (resolved.Prefix, (ErrorOutputType?)null), (resolved.ErrorOutputPrefix, ErrorOutputType.ProcessingFailed), (resolved.ErrorOutputPrefix, ErrorOutputType.MetadataExtractionFailed) })
        {
            var empty = template.Evaluate(new PrefixValues(input.Instant, zone, _ => new string('r', PrefixTemplate.RandomStringLength), type, (_, _) => ""));
            Assert.True(empty.Length <= PrefixRules.MaxEvaluatedLength, $"accepted, but evaluates to {empty.Length} characters: {empty}");

            var evaluated = template.Evaluate(new PrefixValues(input.Instant, zone, null, type, (_, _) => input.PartitionValue));

            // What the expressions put in (timestamps, random strings, error types) has no path syntax of its own.
            var plain = template.Evaluate(new PrefixValues(input.Instant, zone, null, type, (_, _) => "v"));
            if (!template.Text.Contains('/', StringComparison.Ordinal) && !template.Text.Contains('.', StringComparison.Ordinal))
            {
                Assert.DoesNotContain("/", plain, StringComparison.Ordinal);
                Assert.DoesNotContain(".", plain, StringComparison.Ordinal);
            }

            Assert.DoesNotMatch(Unsafe(), ExpressionOutput(template, input.Instant, zone, type));

            // Whatever a partition key value holds, the object lands inside its bucket's folder.
            var key = Clip(evaluated + "stream-1-2026-03-14-10-00-00-00000000-0000-0000-0000-000000000000");
            var path = Mapper.Resolve(Mapper.RelativeContentPath("bucket", key));
            Assert.StartsWith("/data/s3/objects/bucket/", path, StringComparison.Ordinal);
        }
    }

    /// <summary>The prefix evaluated with its literal text removed: only what the expressions produced.</summary>
    private static string ExpressionOutput(PrefixTemplate template, DateTimeOffset instant, TimeZoneInfo zone, ErrorOutputType? type)
    {
        var output = new StringBuilder();
        foreach (var segment in template.Segments)
        {
            if (segment is LiteralSegment)
            {
                continue;
            }

            if (segment is TimestampSegment timestamp)
            {
                // Pattern literals are the user's text too; the letters must give letters and digits.
                var fields = QuotedText().Replace(timestamp.Pattern.Pattern, "-");
                var letters = PrefixTemplate.Parse("!{timestamp:" + string.Concat(fields.Select(c => char.IsAsciiLetter(c) ? c : '-')) + "}");
                output.Append(letters.Evaluate(new PrefixValues(instant, zone)));
                continue;
            }

            output.Append(segment switch
            {
                RandomStringSegment => PrefixTemplate.Parse("!{firehose:random-string}").Evaluate(new PrefixValues(instant, zone)),
                ErrorOutputTypeSegment => (type ?? ErrorOutputType.ProcessingFailed).ToPrefixValue(),
                _ => "",
            });
        }

        return output.ToString();
    }

    /// <summary>An object key within S3's 1024 UTF-8 bytes, as the store would be asked for.</summary>
    private static string Clip(string key)
    {
        var clipped = new StringBuilder();
        var bytes = 0;
        foreach (var rune in key.EnumerateRunes())
        {
            if ((bytes += rune.Utf8SequenceLength) > 1024)
            {
                break;
            }

            clipped.Append(rune.ToString());
        }

        return clipped.ToString();
    }

    [GeneratedRegex("'[^']*'")]
    private static partial Regex QuotedText();

    [GeneratedRegex("[^A-Za-z0-9-]")]
    private static partial Regex Unsafe();
}
