using System.Diagnostics.CodeAnalysis;

namespace Pipeline.LocalCloud.Firehose.Prefixes;

/// <summary>
/// The semantic rules of "Custom Prefixes for Amazon S3 Objects" for an S3 destination, applied at
/// CreateDeliveryStream. The page contradicts itself on the defaults; LocalCloud's reading:
/// <list type="bullet">
/// <item>Rule 1 is applied literally: a Prefix without a timestamp expression gets <c>!{timestamp:yyyy/MM/dd/HH/}</c>
/// appended, with no '/' inserted before it (examples row 1 drops the final '/', row 5 inserts one and drops the
/// hour; both disagree with the rule text, which LocalCloud follows).</item>
/// <item>Rule 2's default ErrorOutputPrefix is <c>&lt;Prefix&gt;!{firehose:error-output-type}/</c> followed by the same
/// <c>yyyy/MM/dd/HH/</c>: day of month (<c>dd</c>), not day of year (<c>DDD</c>, which rule 2 writes but rule 1 and
/// every example contradict), and a '/' after the error type (row 5 shows one, rule 2's text runs the two together).</item>
/// </list>
/// </summary>
internal static class PrefixRules
{
    /// <summary>What rule 1 appends to a Prefix without a timestamp.</summary>
    public const string DefaultTimestamp = "!{timestamp:yyyy/MM/dd/HH/}";

    /// <summary>What rule 2 puts after the Prefix for failed records when no ErrorOutputPrefix is given.</summary>
    public const string DefaultErrorSuffix = "!{firehose:error-output-type}/" + DefaultTimestamp;

    /// <summary>Rule 5.</summary>
    public const int MaxEvaluatedLength = 512;

    // September, a Wednesday, day 271, 23:59:59.999 — close to the longest text every pattern letter can produce.
    private static readonly DateTimeOffset WidestInstant = new(2000, 9, 27, 23, 59, 59, 999, TimeSpan.Zero);

    /// <summary>
    /// Checks <paramref name="prefix"/> and <paramref name="errorOutputPrefix"/> (null or empty: not given) against
    /// the rules and returns the prefixes to evaluate, or the message of the InvalidArgumentException to answer.
    /// </summary>
    public static bool TryResolve(
        string? prefix,
        string? errorOutputPrefix,
        bool dynamicPartitioning,
        [NotNullWhen(true)] out ResolvedPrefixes? resolved,
        [NotNullWhen(false)] out string? error)
    {
        resolved = null;
        prefix ??= string.Empty;
        errorOutputPrefix = string.IsNullOrEmpty(errorOutputPrefix) ? null : errorOutputPrefix;

        if (!PrefixTemplate.TryParse(prefix, out var parsedPrefix, out var syntax))
        {
            error = $"Prefix is invalid: {syntax}";
            return false;
        }

        PrefixTemplate? parsedError = null;
        if (errorOutputPrefix is not null && !PrefixTemplate.TryParse(errorOutputPrefix, out parsedError, out syntax))
        {
            error = $"ErrorOutputPrefix is invalid: {syntax}";
            return false;
        }

        // The rules in the order AWS checks them: the first one broken is the answer.
        var broken = new (bool Broken, string Message)[]
        {
            (dynamicPartitioning && prefix.Length == 0, "Prefix cannot be null or empty when dynamic partitioning is enabled"),
            (dynamicPartitioning && parsedError is null, "ErrorOutputPrefix cannot be null or empty when dynamic partitioning is enabled"),
            (parsedPrefix.HasErrorOutputType, "Prefix cannot contain the expression !{firehose:error-output-type}; it is allowed only in ErrorOutputPrefix"),
            (!dynamicPartitioning && parsedPrefix.PartitionKeys.Any(), "Prefix can use partitionKeyFromQuery and partitionKeyFromLambda expressions only when dynamic partitioning is enabled"),
            (parsedError is null && parsedPrefix.HasExpressions, "ErrorOutputPrefix cannot be null or empty when Prefix contains expressions"),
            (parsedError is not null && parsedError.PartitionKeys.Any(), "ErrorOutputPrefix cannot contain partitionKeyFromQuery or partitionKeyFromLambda expressions"),
            (parsedError is not null && parsedError.HasExpressions && !parsedError.HasErrorOutputType, "ErrorOutputPrefix must contain at least one !{firehose:error-output-type} expression when it contains expressions"),
        }.FirstOrDefault(rule => rule.Broken);
        if (broken.Broken)
        {
            error = broken.Message;
            return false;
        }

        var effectivePrefix = parsedPrefix.HasTimestamp ? parsedPrefix : parsedPrefix.Append(DefaultTimestamp);
        var effectiveError = parsedError ?? PrefixTemplate.Parse(prefix + DefaultErrorSuffix);

        if (WidestLength(effectivePrefix) > MaxEvaluatedLength)
        {
            error = $"Prefix cannot be longer than {MaxEvaluatedLength} characters after evaluation";
            return false;
        }

        if (WidestLength(effectiveError) > MaxEvaluatedLength)
        {
            error = $"ErrorOutputPrefix cannot be longer than {MaxEvaluatedLength} characters after evaluation";
            return false;
        }

        resolved = new ResolvedPrefixes(effectivePrefix, effectiveError);
        error = null;
        return true;
    }

    // Partition keys are unknown until records arrive; they count as empty here and are checked per object.
    private static int WidestLength(PrefixTemplate template) =>
        template.Evaluate(new PrefixValues(
            WidestInstant,
            TimeZoneInfo.Utc,
            _ => new string('x', PrefixTemplate.RandomStringLength),
            ErrorOutputType.MetadataExtractionFailed,
            (_, _) => string.Empty)).Length;
}

/// <summary>The prefixes a stream actually evaluates, after the defaults of the semantic rules were applied.</summary>
internal sealed record ResolvedPrefixes(PrefixTemplate Prefix, PrefixTemplate ErrorOutputPrefix);
