using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Pipeline.LocalCloud.Firehose.Prefixes;

/// <summary>
/// The part of Java's <c>DateTimeFormatter</c> pattern language that S3 prefixes use: years, months, days, day of
/// year, hours, minutes, seconds, fractions, day and month names, AM/PM, quoted literals and punctuation. A pattern
/// letter Java knows but LocalCloud does not implement is rejected rather than formatted wrongly.
/// </summary>
internal sealed class JavaTimestampPattern
{
    // Letters Java accepts that LocalCloud does not format (era, quarter, week-based fields, zones, offsets, ...).
    private const string UnsupportedJavaLetters = "GLQqYwWecFAnNVvzOXxZpBg";

    // Java's English names: Jan/January, Sun/Sunday.
    private static readonly DateTimeFormatInfo Names = CultureInfo.InvariantCulture.DateTimeFormat;

    private readonly IReadOnlyList<PatternField> _fields;

    private JavaTimestampPattern(string pattern, IReadOnlyList<PatternField> fields)
    {
        Pattern = pattern;
        _fields = fields;
    }

    public string Pattern { get; }

    /// <summary>Compiles <paramref name="pattern"/>, or explains, in Java's words where Java has them, why not.</summary>
    public static bool TryParse(string pattern, [NotNullWhen(true)] out JavaTimestampPattern? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        var fields = new List<PatternField>();
        var literal = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < pattern.Length;)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                // '' is a quote, in a quoted literal or outside one; a single ' opens or closes a literal.
                if (i + 1 < pattern.Length && pattern[i + 1] == '\'')
                {
                    literal.Append('\'');
                    i += 2;
                }
                else
                {
                    quoted = !quoted;
                    i++;
                }

                continue;
            }

            if (quoted)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c is '#' or '{' or '}')
            {
                error = $"Pattern includes reserved character: '{c}'";
                return false;
            }

            if (c is '[' or ']')
            {
                error = $"LocalCloud does not support optional sections ('{c}') in timestamp patterns: {pattern}";
                return false;
            }

            if (!char.IsAsciiLetter(c))
            {
                literal.Append(c);
                i++;
                continue;
            }

            var count = 1;
            while (i + count < pattern.Length && pattern[i + count] == c)
            {
                count++;
            }

            if (CheckLetter(c, count) is { } letterError)
            {
                error = letterError;
                return false;
            }

            if (literal.Length > 0)
            {
                fields.Add(PatternField.Text(literal.ToString()));
                literal.Clear();
            }

            fields.Add(new PatternField(c, count, null));
            i += count;
        }

        if (quoted)
        {
            error = $"Pattern ends with an incomplete string literal: {pattern}";
            return false;
        }

        if (literal.Length > 0)
        {
            fields.Add(PatternField.Text(literal.ToString()));
        }

        result = new JavaTimestampPattern(pattern, fields);
        error = null;
        return true;
    }

    /// <summary>Formats <paramref name="local"/>, a time already converted to the stream's time zone.</summary>
    public string Format(DateTime local)
    {
        var text = new StringBuilder();
        foreach (var field in _fields)
        {
            if (field.Literal is not null)
            {
                text.Append(field.Literal);
                continue;
            }

            var count = field.Count;
            text.Append(field.Letter switch
            {
                // Java prints two-letter years as the last two digits and pads the others to the letter count.
                'y' or 'u' => Padded(count == 2 ? local.Year % 100 : local.Year, count),
                'M' when count == 3 => Names.AbbreviatedMonthNames[local.Month - 1],
                'M' when count == 4 => Names.MonthNames[local.Month - 1],
                'M' => Padded(local.Month, count),
                'd' => Padded(local.Day, count),
                'D' => Padded(local.DayOfYear, count),
                'H' => Padded(local.Hour, count),
                'k' => Padded(local.Hour == 0 ? 24 : local.Hour, count),
                'h' => Padded(local.Hour % 12 == 0 ? 12 : local.Hour % 12, count),
                'K' => Padded(local.Hour % 12, count),
                'm' => Padded(local.Minute, count),
                's' => Padded(local.Second, count),

                // A fraction of the second, truncated to the letter count (SSS = milliseconds).
                'S' => (local.Ticks % TimeSpan.TicksPerSecond).ToString("D7", CultureInfo.InvariantCulture).PadRight(9, '0')[..count],
                'a' => local.Hour < 12 ? "AM" : "PM",
                'E' => count == 4 ? Names.DayNames[(int)local.DayOfWeek] : Names.AbbreviatedDayNames[(int)local.DayOfWeek],
                _ => throw new InvalidOperationException($"Pattern letter '{field.Letter}' passed validation but has no formatter."),
            });
        }

        return text.ToString();
    }

    private static string? CheckLetter(char letter, int count)
    {
        var max = letter switch
        {
            'y' or 'u' => int.MaxValue,
            'M' or 'E' => 4,
            'd' or 'H' or 'k' or 'h' or 'K' or 'm' or 's' => 2,
            'D' => 3,
            'S' => 9,
            'a' => 1,
            _ => 0,
        };

        if (max == 0)
        {
            return UnsupportedJavaLetters.Contains(letter, StringComparison.Ordinal)
                ? $"LocalCloud does not support the DateTimeFormatter pattern letter '{letter}'; use y, M, d, D, H, h, k, K, m, s, S, a, E or quoted literals"
                : $"Unknown pattern letter: {letter}";
        }

        return count > max ? $"Too many pattern letters: {letter}" : null;
    }

    private static string Padded(int value, int width) =>
        value.ToString(CultureInfo.InvariantCulture).PadLeft(Math.Min(width, 19), '0');
}

/// <summary>One field of a compiled timestamp pattern: a run of one pattern letter, or literal text.</summary>
internal sealed record PatternField(char Letter, int Count, string? Literal)
{
    public static PatternField Text(string literal) => new('\0', 0, literal);
}
