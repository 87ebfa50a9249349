using System.Collections;
using System.Globalization;
using System.Text;
using Pipeline.DuckDb;

namespace Pipeline.LocalCloud.Athena.Results;

/// <summary>
/// Values as Athena prints them in results: Java's double text (<c>1.0</c>, <c>1.0E10</c>), timestamps with
/// milliseconds, <c>true</c>/<c>false</c>, arrays <c>[a, b]</c>, rows and maps <c>{k=v, …}</c>. Null stays null.
/// </summary>
internal static class ValueText
{
    public static string? Format(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        bool b => b ? "true" : "false",
        double d => JavaDouble(d),
        float f => JavaDouble(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + " UTC",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexString(bytes).ToLowerInvariant(),
        IDictionary map => Map(map),
        object?[] list => "[" + string.Join(", ", list.Select(v => Format(v) ?? "null")) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Java's <c>Double.toString</c>: plain between 10^-3 and 10^7 with at least one decimal, else <c>d.dddE±n</c>.</summary>
    public static string JavaDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        var (digits, exponent) = Decompose(negative ? shortest[1..] : shortest);
        var sign = negative ? "-" : "";
        var magnitude = Math.Abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e7)
        {
            // exponent is the power of ten of the first digit.
            string text;
            if (exponent >= 0)
            {
                var integer = digits.Length > exponent + 1 ? digits[..(exponent + 1)] : digits.PadRight(exponent + 1, '0');
                var fraction = digits.Length > exponent + 1 ? digits[(exponent + 1)..] : "0";
                text = integer + "." + fraction;
            }
            else
            {
                text = "0." + new string('0', -exponent - 1) + digits;
            }

            return sign + text;
        }

        var mantissa = digits.Length == 1 ? digits + ".0" : digits[0] + "." + digits[1..];
        return $"{sign}{mantissa}E{exponent.ToString(CultureInfo.InvariantCulture)}";
    }

    private static (string Digits, int Exponent) Decompose(string text)
    {
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? text : text[..dot];
        var fractionPart = dot < 0 ? "" : text[(dot + 1)..];
        var all = integerPart + fractionPart;
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.TrimStart('0').TrimEnd('0');
        if (digits.Length == 0)
        {
            return ("0", 0);
        }

        // The first significant digit sits at position leadingZeros of "all"; integerPart.Length digits precede the point.
        var power = integerPart.Length - 1 - leadingZeros + exponent;
        return (digits, power);
    }

    private static string Map(IDictionary map)
    {
        var text = new StringBuilder("{");
        foreach (DictionaryEntry entry in map)
        {
            text.Append(text.Length == 1 ? "" : ", ").Append(Format(entry.Key)).Append('=').Append(Format(entry.Value) ?? "null");
        }

        return text.Append('}').ToString();
    }
}
