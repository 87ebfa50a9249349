using Pipeline.LocalCloud.Firehose.Prefixes;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Prefixes;

/// <summary>Resolving and evaluating prefixes the way the examples table of firehose-prefixes.md does.</summary>
internal static class PrefixExamples
{
    /// <summary>"evaluated at 10:30 AM UTC on Aug 27, 2018".</summary>
    public static readonly DateTimeOffset TableInstant = new(2018, 8, 27, 10, 30, 0, TimeSpan.Zero);

    public static ResolvedPrefixes Resolve(string? prefix, string? errorPrefix, bool dynamicPartitioning = false)
    {
        Assert.True(PrefixRules.TryResolve(prefix, errorPrefix, dynamicPartitioning, out var resolved, out var error), error);
        return resolved;
    }

    public static string RuleError(string? prefix, string? errorPrefix, bool dynamicPartitioning = false)
    {
        Assert.False(PrefixRules.TryResolve(prefix, errorPrefix, dynamicPartitioning, out _, out var error));
        return error;
    }

    public static string Evaluate(PrefixTemplate template, DateTimeOffset instant, ErrorOutputType? type = null) =>
        template.Evaluate(new PrefixValues(instant, TimeZoneInfo.Utc, ErrorOutputType: type));

    public static string EvaluateError(ResolvedPrefixes prefixes, DateTimeOffset instant) =>
        Evaluate(prefixes.ErrorOutputPrefix, instant, ErrorOutputType.ProcessingFailed);
}
