using Pipeline.LocalCloud.Firehose.Prefixes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Prefixes.PrefixExamples;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Prefixes;

/// <summary>The semantic rules between Prefix and ErrorOutputPrefix.</summary>
public sealed class PrefixRulesTests
{
    [Fact]
    public void Rule_1_a_prefix_without_timestamp_gets_the_hourly_default_appended()
    {
        var prefixes = Resolve("data/!{firehose:random-string}/", "errors/!{firehose:error-output-type}/");

        Assert.Equal("data/!{firehose:random-string}/!{timestamp:yyyy/MM/dd/HH/}", prefixes.Prefix.Text);
        Assert.Matches("^data/[0-9a-f]{11}/2018/08/27/10/$", Evaluate(prefixes.Prefix, TableInstant));
    }

    [Fact]
    public void Rule_1_a_prefix_with_a_timestamp_is_kept_as_written()
    {
        var prefixes = Resolve("data/!{timestamp:yyyy}/", "errors/!{firehose:error-output-type}/");

        Assert.Equal("data/2018/", Evaluate(prefixes.Prefix, TableInstant));
    }

    [Fact]
    public void Rule_1_does_not_apply_to_the_error_prefix()
    {
        var prefixes = Resolve("data/", "errors/");

        Assert.Equal("errors/", EvaluateError(prefixes, TableInstant));
    }

    [Fact]
    public void Rule_2_no_prefixes_at_all_is_the_legacy_layout()
    {
        var prefixes = Resolve(null, null);

        Assert.Equal("2018/08/27/10/", Evaluate(prefixes.Prefix, TableInstant));
        Assert.Equal("processing-failed/2018/08/27/10/", EvaluateError(prefixes, TableInstant));
    }

    [Fact]
    public void Rule_3_an_error_prefix_with_expressions_needs_the_error_output_type()
    {
        Assert.Equal(
            "ErrorOutputPrefix must contain at least one !{firehose:error-output-type} expression when it contains expressions",
            RuleError("data/!{timestamp:yyyy}/", "errors/!{timestamp:yyyy}/"));
        Assert.Equal(
            "ErrorOutputPrefix must contain at least one !{firehose:error-output-type} expression when it contains expressions",
            RuleError("data/", "errors/!{firehose:random-string}/"));
    }

    [Fact]
    public void Rule_4_the_prefix_cannot_contain_the_error_output_type()
    {
        Assert.Equal(
            "Prefix cannot contain the expression !{firehose:error-output-type}; it is allowed only in ErrorOutputPrefix",
            RuleError("data/!{firehose:error-output-type}/", "errors/!{firehose:error-output-type}/"));
    }

    [Fact]
    public void Rule_5_neither_prefix_may_exceed_512_characters_after_evaluation()
    {
        var longLiteral = new string('p', 500);

        // 500 + "yyyy/MM/dd/HH/" (14) = 514.
        Assert.Equal("Prefix cannot be longer than 512 characters after evaluation", RuleError(longLiteral, "errors/"));
        Assert.Equal("ErrorOutputPrefix cannot be longer than 512 characters after evaluation", RuleError("data/!{timestamp:yyyy}/", longLiteral + "!{firehose:error-output-type}"));

        // Exactly 512 after evaluation is allowed: 498 + 14.
        Resolve(new string('p', 498), "errors/");
    }

    [Fact]
    public void Partition_keys_need_dynamic_partitioning_and_stay_out_of_the_error_prefix()
    {
        Assert.Equal(
            "Prefix can use partitionKeyFromQuery and partitionKeyFromLambda expressions only when dynamic partitioning is enabled",
            RuleError("c=!{partitionKeyFromQuery:c}/", "errors/!{firehose:error-output-type}/"));
        Assert.Equal(
            "ErrorOutputPrefix cannot contain partitionKeyFromQuery or partitionKeyFromLambda expressions",
            RuleError("c=!{partitionKeyFromLambda:c}/", "errors/!{firehose:error-output-type}/!{partitionKeyFromLambda:c}/", dynamicPartitioning: true));

        var prefixes = Resolve("c=!{partitionKeyFromLambda:c}/!{timestamp:yyyy}/", "errors/!{firehose:error-output-type}/", dynamicPartitioning: true);
        Assert.Single(prefixes.Prefix.PartitionKeys);
    }

    [Fact]
    public void Dynamic_partitioning_needs_both_prefixes()
    {
        Assert.Equal("Prefix cannot be null or empty when dynamic partitioning is enabled", RuleError(null, "errors/", dynamicPartitioning: true));
        Assert.Equal("ErrorOutputPrefix cannot be null or empty when dynamic partitioning is enabled", RuleError("data/", null, dynamicPartitioning: true));
    }

    [Fact]
    public void A_literal_error_prefix_is_allowed_with_any_prefix()
    {
        var prefixes = Resolve("data/!{timestamp:yyyy/MM}/", "errors/");

        Assert.Equal("data/2018/08/", Evaluate(prefixes.Prefix, TableInstant));
        Assert.Equal("errors/", EvaluateError(prefixes, TableInstant));
    }

    [Fact]
    public void Syntax_errors_name_the_prefix_they_are_in()
    {
        Assert.StartsWith("Prefix is invalid: ", RuleError("data/!{oops}", "errors/"), StringComparison.Ordinal);
        Assert.StartsWith("ErrorOutputPrefix is invalid: ", RuleError("data/", "errors/!{firehose:nope}"), StringComparison.Ordinal);
    }
}
