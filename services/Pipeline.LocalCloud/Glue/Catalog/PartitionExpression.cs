using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.LocalCloud.Glue.Catalog;

/// <summary>
/// The part of GetPartitions' SQL-like predicate LocalCloud understands: comparisons <c>key op literal</c>
/// (op one of = &lt;&gt; != &lt; &lt;= &gt; &gt;=, literal quoted or numeric) joined by AND. Anything else is
/// InvalidInputException rather than a silently wrong answer.
/// </summary>
internal sealed partial class PartitionExpression
{
    private readonly List<(int Key, string Op, string Literal)> _terms;

    private PartitionExpression(List<(int Key, string Op, string Literal)> terms) => _terms = terms;

    /// <param name="keys">The table's partition keys, lower-cased, in order.</param>
    public static PartitionExpression Parse(string expression, IReadOnlyList<string> keys)
    {
        var terms = new List<(int, string, string)>();
        foreach (var part in AndSplit().Split(expression.Trim()))
        {
            var match = Comparison().Match(part);
            if (!match.Success)
            {
                throw GlueErrors.InvalidInput($"LocalCloud cannot evaluate the partition expression '{expression}': only key = 'value' comparisons joined by AND are supported.");
            }

            var key = match.Groups["key"].Value.Trim('`').ToLowerInvariant();
            var index = keys.ToList().IndexOf(key);
            if (index < 0)
            {
                throw GlueErrors.InvalidInput($"Unknown partition key '{key}' in expression '{expression}'.");
            }

            var literal = match.Groups["quoted"].Success ? match.Groups["quoted"].Value.Replace("''", "'", StringComparison.Ordinal) : match.Groups["number"].Value;
            terms.Add((index, match.Groups["op"].Value, literal));
        }

        return new PartitionExpression(terms);
    }

    public bool Matches(IReadOnlyList<string> values)
    {
        foreach (var (key, op, literal) in _terms)
        {
            if (key >= values.Count)
            {
                return false;
            }

            var order = Compare(values[key], literal);
            var ok = op switch
            {
                "=" => order == 0,
                "<>" or "!=" => order != 0,
                "<" => order < 0,
                "<=" => order <= 0,
                ">" => order > 0,
                _ => order >= 0,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    // Partition values are strings, but year > 2025 on an int key is meant numerically.
    private static int Compare(string value, string literal) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var a) && decimal.TryParse(literal, NumberStyles.Number, CultureInfo.InvariantCulture, out var b)
            ? a.CompareTo(b)
            : string.CompareOrdinal(value, literal);

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AndSplit();

    [GeneratedRegex(@"^\s*\(?\s*(?<key>`?[A-Za-z_][A-Za-z0-9_]*`?)\s*(?<op><>|!=|<=|>=|=|<|>)\s*(?:'(?<quoted>(?:[^']|'')*)'|(?<number>-?[0-9]+(?:\.[0-9]+)?))\s*\)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();
}
