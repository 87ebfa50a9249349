using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>
/// The transformer's timestamp rule on UTF-8 text: ISO-8601 as <see cref="IsoTimestamp"/> describes it, read by
/// <see cref="DateTimeOffset.TryParse(string?, IFormatProvider?, DateTimeStyles, out DateTimeOffset)"/> with no offset
/// meaning UTC. The common shape (<c>yyyy-MM-ddTHH:mm:ss[.f{1,7}]</c> then <c>Z</c>, <c>±hh:mm</c> or nothing) is read
/// straight from the bytes; anything else goes the original way, on the text decoded into a stack buffer, so both
/// paths agree by construction.
/// </summary>
internal static partial class Utf8Timestamp
{
    /// <summary>The longest text the pattern allows (with a nine-digit fraction and an offset).</summary>
    private const int MaxPatternLength = 35;

    /// <summary>Reads <paramref name="text"/> (already trimmed) as a UTC instant.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTime utc)
    {
        if (TryParseCommon(text, out utc))
        {
            return true;
        }

        if (text.Length > MaxPatternLength * 4)
        {
            // Longer than any match could be, even in multi-byte digits.
            return false;
        }

        Span<char> chars = stackalloc char[MaxPatternLength * 4];
        if (!Encoding.UTF8.TryGetChars(text, chars, out var written))
        {
            return false;
        }

        var value = chars[..written];
        if (!IsoTimestamp().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return false;
        }

        utc = instant.UtcDateTime;
        return true;
    }

    /// <summary>Writes <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (24 bytes).</summary>
    public static void Format(DateTime utc, Span<byte> destination)
    {
        var (year, month, day) = utc;
        var time = utc.TimeOfDay;
        Digits(destination[..4], year);
        destination[4] = (byte)'-';
        Digits(destination.Slice(5, 2), month);
        destination[7] = (byte)'-';
        Digits(destination.Slice(8, 2), day);
        destination[10] = (byte)'T';
        Digits(destination.Slice(11, 2), time.Hours);
        destination[13] = (byte)':';
        Digits(destination.Slice(14, 2), time.Minutes);
        destination[16] = (byte)':';
        Digits(destination.Slice(17, 2), time.Seconds);
        destination[19] = (byte)'.';
        Digits(destination.Slice(20, 3), time.Milliseconds);
        destination[23] = (byte)'Z';
    }

    private static void Digits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    // Only shapes DateTimeOffset.TryParse certainly reads the same way; false sends the text down the original path.
    private static bool TryParseCommon(ReadOnlySpan<byte> s, out DateTime utc)
    {
        utc = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || !TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var i = 19;
        long fractionTicks = 0;
        if (i < s.Length && s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit((char)s[i]))
            {
                i++;
            }

            var digits = i - start;
            if (digits is < 1 or > 7 || !TryDigits(s.Slice(start, digits), out var fraction))
            {
                return false;
            }

            fractionTicks = fraction;
            for (var d = digits; d < 7; d++)
            {
                fractionTicks *= 10;
            }
        }

        var offsetMinutes = 0;
        if (i < s.Length)
        {
            if (s[i] == 'Z' && i + 1 == s.Length)
            {
                i++;
            }
            else if (s[i] is (byte)'+' or (byte)'-' && s.Length - i == 6 && s[i + 3] == ':'
                && TryDigits(s.Slice(i + 1, 2), out var offsetHours) && TryDigits(s.Slice(i + 4, 2), out var offsetMinutesPart)
                && offsetHours <= 13 && offsetMinutesPart <= 59)
            {
                offsetMinutes = (offsetHours * 60 + offsetMinutesPart) * (s[i] == '-' ? -1 : 1);
                i += 6;
            }
            else
            {
                return false;
            }
        }

        if (i != s.Length)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fractionTicks);
        utc = local.AddTicks(-offsetMinutes * TimeSpan.TicksPerMinute);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            var d = b - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = value * 10 + d;
        }

        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|z|[+-]\d{2}(:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTimestamp();
}
