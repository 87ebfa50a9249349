using System.Text.RegularExpressions;
using Pipeline.UnitTests.Support;
using static Pipeline.UnitTests.LocalCloud.Firehose.Prefixes.PrefixExamples;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Prefixes;

/// <summary>
/// Every row of the examples table in firehose-prefixes.md. Where the page contradicts itself, the test asserts
/// LocalCloud's documented reading (see PrefixRules) and says which contradiction it resolves.
/// </summary>
public sealed partial class ExamplesTableTests
{
    // Prefix and ErrorOutputPrefix of each row, as the page writes them ("unspecified" = not given).
    private static readonly (string Prefix, string ErrorOutputPrefix)[] Rows =
    [
        ("unspecified", "myFirehoseFailures/!{firehose:error-output-type}/"),
        ("!{timestamp:yyyy/MM/dd}", "unspecified"),
        ("myFirehose/DeliveredYear=!{timestamp:yyyy}/anyMonth/rand=!{firehose:random-string}", "myFirehoseFailures/!{firehose:error-output-type}/!{timestamp:yyyy}/anyMonth/!{timestamp:dd}"),
        ("myPrefix/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/", "myErrorPrefix/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/!{firehose:error-output-type}"),
        ("myFirehosePrefix", "unspecified"),
    ];

    [Fact]
    public void The_tests_cover_exactly_the_rows_of_the_table()
    {
        var text = File.ReadAllText(ReferenceFiles.Path("firehose", "firehose-prefixes.md"));
        var table = text[text.IndexOf("## Examples table", StringComparison.Ordinal)..];
        var rows = table.Split('\n')
            .SkipWhile(line => !line.StartsWith('|'))
            .TakeWhile(line => line.StartsWith('|'))
            .Skip(2)
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (Cell(cells[1]), Cell(cells[2])))
            .ToArray();

        Assert.Equal(Rows, rows);
    }

    [Fact]
    public void Row_1_no_prefix_and_an_error_prefix_without_timestamp()
    {
        var prefixes = Resolve(null, "myFirehoseFailures/!{firehose:error-output-type}/");

        // Contradiction: the row shows "2018/08/27/10" without the final '/', but rule 1 appends
        // !{timestamp:yyyy/MM/dd/HH/} with one. LocalCloud follows the rule; the row is the same up to that '/'.
        Assert.Equal("2018/08/27/10/", Evaluate(prefixes.Prefix, TableInstant));
        Assert.StartsWith("2018/08/27/10", Evaluate(prefixes.Prefix, TableInstant), StringComparison.Ordinal);
        Assert.Equal("myFirehoseFailures/processing-failed/", EvaluateError(prefixes, TableInstant));
    }

    [Fact]
    public void Row_2_a_prefix_with_expressions_needs_an_error_prefix()
    {
        Assert.Equal("ErrorOutputPrefix cannot be null or empty when Prefix contains expressions", RuleError("!{timestamp:yyyy/MM/dd}", null));
        Assert.Equal("ErrorOutputPrefix cannot be null or empty when Prefix contains expressions", RuleError("!{timestamp:yyyy/MM/dd}", string.Empty));
    }

    [Fact]
    public void Row_3_timestamps_and_a_random_string()
    {
        var prefixes = Resolve(
            "myFirehose/DeliveredYear=!{timestamp:yyyy}/anyMonth/rand=!{firehose:random-string}",
            "myFirehoseFailures/!{firehose:error-output-type}/!{timestamp:yyyy}/anyMonth/!{timestamp:dd}");

        Assert.Matches(Row3Prefix(), Evaluate(prefixes.Prefix, TableInstant));
        Assert.Matches(Row3Prefix(), "myFirehose/DeliveredYear=2018/anyMonth/rand=5abf82daaa5");

        // Contradiction: the row evaluates !{timestamp:dd} to "10" although the table's instant is Aug 27.
        // LocalCloud formats the instant it is given: 27 on the 27th, and the row's "10" on the 10th.
        Assert.Equal("myFirehoseFailures/processing-failed/2018/anyMonth/27", EvaluateError(prefixes, TableInstant));
        Assert.Equal("myFirehoseFailures/processing-failed/2018/anyMonth/10", EvaluateError(prefixes, new DateTimeOffset(2018, 8, 10, 10, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Row_4_hive_style_partitions_in_both_prefixes()
    {
        var prefixes = Resolve(
            "myPrefix/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/",
            "myErrorPrefix/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/!{firehose:error-output-type}");

        // Contradiction: the row shows 2018-07-06 hour 23, not the table's 2018-08-27 10:30. The row's values are
        // exactly what a record that arrived on 2018-07-06 at 23:xx UTC gets; at the table's instant, Aug 27 10h.
        var rowInstant = new DateTimeOffset(2018, 7, 6, 23, 12, 0, TimeSpan.Zero);
        Assert.Equal("myPrefix/year=2018/month=07/day=06/hour=23/", Evaluate(prefixes.Prefix, rowInstant));
        Assert.Equal("myErrorPrefix/year=2018/month=07/day=06/hour=23/processing-failed", EvaluateError(prefixes, rowInstant));
        Assert.Equal("myPrefix/year=2018/month=08/day=27/hour=10/", Evaluate(prefixes.Prefix, TableInstant));
        Assert.Equal("myErrorPrefix/year=2018/month=08/day=27/hour=10/processing-failed", EvaluateError(prefixes, TableInstant));
    }

    [Fact]
    public void Row_5_a_literal_prefix_without_an_error_prefix()
    {
        var prefixes = Resolve("myFirehosePrefix", null);

        // Contradiction: the row shows "myFirehosePrefix/2018/08/27/" (a '/' inserted, no hour) and
        // "myFirehosePrefix/processing-failed/2018/08/27/"; rule 1 appends yyyy/MM/dd/HH/ to the prefix as written and
        // rule 2 writes <specified-prefix>yyyy/MM/DDD/HH/ and <specified-prefix><error-output-type>YYYY/MM/DDD/HH/.
        // LocalCloud follows the rules' text: no '/' inserted, the hour kept, dd (day of month) for the day as rule 1
        // and every row have it rather than rule 2's DDD, and a '/' after the error type as the row shows.
        Assert.Equal("myFirehosePrefix2018/08/27/10/", Evaluate(prefixes.Prefix, TableInstant));
        Assert.Equal("myFirehosePrefixprocessing-failed/2018/08/27/10/", EvaluateError(prefixes, TableInstant));

        // With the trailing '/' the row's shape appears, hour included.
        var slashed = Resolve("myFirehosePrefix/", null);
        Assert.Equal("myFirehosePrefix/2018/08/27/10/", Evaluate(slashed.Prefix, TableInstant));
        Assert.Equal("myFirehosePrefix/processing-failed/2018/08/27/10/", EvaluateError(slashed, TableInstant));
    }

    private static string Cell(string cell) => cell.Trim('`');

    [GeneratedRegex("^myFirehose/DeliveredYear=2018/anyMonth/rand=[0-9a-f]{11}$")]
    private static partial Regex Row3Prefix();
}
