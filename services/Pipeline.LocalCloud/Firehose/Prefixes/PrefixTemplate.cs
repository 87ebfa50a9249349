using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.LocalCloud.Firehose.Prefixes;

/// <summary>
/// A parsed S3 prefix: literal text and <c>!{namespace:value}</c> expressions. Parsing enforces the grammar
/// (<c>!{</c> only as an expression start, known namespaces and values, valid timestamp patterns); the semantic
/// rules between Prefix and ErrorOutputPrefix live in <see cref="PrefixRules"/>.
/// </summary>
internal sealed class PrefixTemplate
{
    /// <summary>Length of a <c>!{firehose:random-string}</c> value.</summary>
    public const int RandomStringLength = 11;

    private PrefixTemplate(string text, IReadOnlyList<PrefixSegment> segments)
    {
        Text = text;
        Segments = segments;
    }

    public string Text { get; }

    public IReadOnlyList<PrefixSegment> Segments { get; }

    public bool HasExpressions => Segments.Any(s => s is not LiteralSegment);

    public bool HasTimestamp => Segments.Any(s => s is TimestampSegment);

    public bool HasErrorOutputType => Segments.Any(s => s is ErrorOutputTypeSegment);

    public IEnumerable<PartitionKeySegment> PartitionKeys => Segments.OfType<PartitionKeySegment>();

    public static PrefixTemplate Parse(string text) =>
        TryParse(text, out var template, out var error) ? template : throw new FormatException(error);

    public static bool TryParse(string text, [NotNullWhen(true)] out PrefixTemplate? template, [NotNullWhen(false)] out string? error)
    {
        template = null;
        var segments = new List<PrefixSegment>();
        var literal = new StringBuilder();
        var randomStrings = 0;
        for (var i = 0; i < text.Length;)
        {
            if (text[i] != '!' || i + 1 >= text.Length || text[i + 1] != '{')
            {
                literal.Append(text[i]);
                i++;
                continue;
            }

            var close = text.IndexOf('}', i + 2);
            var colon = close < 0 ? -1 : text.IndexOf(':', i + 2, close - i - 2);
            if (close < 0 || colon < 0)
            {
                error = $"The sequence '!{{' at position {i} does not start an expression of the form !{{namespace:value}}; '!{{' may only start an expression.";
                return false;
            }

            var space = text[(i + 2)..colon];
            var value = text[(colon + 1)..close];
            PrefixSegment segment;
            switch (space)
            {
                case "timestamp":
                    if (value.Length == 0)
                    {
                        error = "The timestamp expression needs a DateTimeFormatter pattern, e.g. !{timestamp:yyyy/MM/dd}.";
                        return false;
                    }

                    if (!JavaTimestampPattern.TryParse(value, out var pattern, out var patternError))
                    {
                        error = $"Invalid timestamp pattern '{value}': {patternError}";
                        return false;
                    }

                    segment = new TimestampSegment(pattern);
                    break;
                case "firehose" when value == "random-string":
                    segment = new RandomStringSegment(randomStrings++);
                    break;
                case "firehose" when value == "error-output-type":
                    segment = new ErrorOutputTypeSegment();
                    break;
                case "firehose":
                    error = $"Unknown firehose expression '!{{firehose:{value}}}'; the firehose namespace supports random-string and error-output-type.";
                    return false;
                case "partitionKeyFromQuery" or "partitionKeyFromLambda" when value.Length == 0:
                    error = $"The {space} expression needs a key name, e.g. !{{{space}:customer_id}}.";
                    return false;
                case "partitionKeyFromQuery":
                    segment = new PartitionKeySegment(PartitionKeySource.Query, value);
                    break;
                case "partitionKeyFromLambda":
                    segment = new PartitionKeySegment(PartitionKeySource.Lambda, value);
                    break;
                default:
                    error = $"Unknown expression namespace '{space}'; supported namespaces are firehose, timestamp, partitionKeyFromQuery and partitionKeyFromLambda.";
                    return false;
            }

            if (literal.Length > 0)
            {
                segments.Add(new LiteralSegment(literal.ToString()));
                literal.Clear();
            }

            segments.Add(segment);
            i = close + 1;
        }

        if (literal.Length > 0)
        {
            segments.Add(new LiteralSegment(literal.ToString()));
        }

        template = new PrefixTemplate(text, segments);
        error = null;
        return true;
    }

    /// <summary>This prefix with <paramref name="expressions"/> appended (they must parse).</summary>
    public PrefixTemplate Append(string expressions) => Parse(Text + expressions);

    /// <summary>Evaluates every expression; one instant for all timestamps, a new string for each random-string.</summary>
    public string Evaluate(PrefixValues values)
    {
        var local = TimeZoneInfo.ConvertTime(values.Instant, values.TimeZone).DateTime;
        var text = new StringBuilder();
        foreach (var segment in Segments)
        {
            switch (segment)
            {
                case LiteralSegment literal:
                    text.Append(literal.Text);
                    break;
                case TimestampSegment timestamp:
                    text.Append(timestamp.Pattern.Format(local));
                    break;
                case RandomStringSegment random:
                    text.Append(values.RandomString?.Invoke(random.Index) ?? FreshRandomString());
                    break;
                case ErrorOutputTypeSegment:
                    text.Append((values.ErrorOutputType ?? throw new InvalidOperationException("This prefix needs an error output type.")).ToPrefixValue());
                    break;
                case PartitionKeySegment key:
                    text.Append(values.PartitionKey?.Invoke(key.Source, key.Key)
                        ?? throw new InvalidOperationException($"No value for partition key '{key.Key}'."));
                    break;
            }
        }

        return text.ToString();
    }

    public override string ToString() => Text;

    private static string FreshRandomString() =>
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))[..RandomStringLength];
}

/// <summary>A piece of a parsed prefix: literal text or one <c>!{namespace:value}</c> expression.</summary>
internal abstract record PrefixSegment;

internal sealed record LiteralSegment(string Text) : PrefixSegment;

/// <summary><c>!{partitionKeyFromQuery:key}</c> or <c>!{partitionKeyFromLambda:key}</c>.</summary>
internal sealed record PartitionKeySegment(PartitionKeySource Source, string Key) : PrefixSegment;

/// <summary><c>!{firehose:random-string}</c>; <see cref="Index"/> numbers the uses in one prefix, each a new string.</summary>
internal sealed record RandomStringSegment(int Index) : PrefixSegment;

/// <summary><c>!{timestamp:pattern}</c>.</summary>
internal sealed record TimestampSegment(JavaTimestampPattern Pattern) : PrefixSegment;

/// <summary><c>!{firehose:error-output-type}</c>.</summary>
internal sealed record ErrorOutputTypeSegment : PrefixSegment;

/// <summary>
/// What one evaluation of a prefix needs. Every timestamp expression uses <see cref="Instant"/> (the arrival time
/// of the oldest record in the object), shown in <see cref="TimeZone"/>.
/// </summary>
/// <param name="Instant">The approximate arrival time of the oldest record in the object.</param>
/// <param name="TimeZone">UTC unless the stream sets <c>CustomTimeZone</c>.</param>
/// <param name="RandomString">The value of the n-th <c>random-string</c> use; null draws fresh random strings.</param>
/// <param name="ErrorOutputType">Required when the prefix contains <c>!{firehose:error-output-type}</c>.</param>
/// <param name="PartitionKey">Looks up partition key values; required when the prefix has partition keys.</param>
internal sealed record PrefixValues(
    DateTimeOffset Instant,
    TimeZoneInfo TimeZone,
    Func<int, string>? RandomString = null,
    ErrorOutputType? ErrorOutputType = null,
    Func<PartitionKeySource, string, string?>? PartitionKey = null);

/// <summary>Where a dynamic-partitioning key comes from.</summary>
internal enum PartitionKeySource
{
    /// <summary><c>!{partitionKeyFromQuery:key}</c>: the stream's MetadataExtraction query over the record.</summary>
    Query,

    /// <summary><c>!{partitionKeyFromLambda:key}</c>: <c>metadata.partitionKeys</c> in the transformation response.</summary>
    Lambda,
}

/// <summary>Why a record went to the error output; <c>!{firehose:error-output-type}</c> evaluates to its name.</summary>
internal enum ErrorOutputType
{
    /// <summary><c>processing-failed</c>: the transformation Lambda failed or rejected the record.</summary>
    ProcessingFailed,

    /// <summary><c>metadata-extraction-failed</c>: a partitionKeyFromQuery key could not be extracted.</summary>
    MetadataExtractionFailed,
}

/// <summary>The text each <see cref="ErrorOutputType"/> puts into an error prefix.</summary>
internal static class ErrorOutputTypes
{
    public static string ToPrefixValue(this ErrorOutputType type) => type switch
    {
        ErrorOutputType.ProcessingFailed => "processing-failed",
        ErrorOutputType.MetadataExtractionFailed => "metadata-extraction-failed",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
