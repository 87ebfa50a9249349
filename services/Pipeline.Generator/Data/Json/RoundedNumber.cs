using System.Globalization;

namespace Pipeline.Generator.Data.Json;

/// <summary>
/// Writes a double that holds a decimal with a few places (what <c>Math.Round(x, places)</c> returns) in the exact
/// text <see cref="System.Text.Json.Utf8JsonWriter"/> writes for it, without the general shortest-round-trip search,
/// which was the largest single cost of generating a record.
/// </summary>
/// <remarks>
/// If <c>n / 10^places</c> (one correctly rounded division) is bit for bit the value, the value is the double nearest
/// to the decimal <c>n·10^-places</c>; a decimal of at most 15 significant digits is the only such decimal that short
/// (every double holds at most one of them), so it is the shortest round-trip text and nothing shorter exists. Values
/// that fail the check, -0, and magnitudes the writer puts in exponent notation are left to the writer.
/// </remarks>
internal static class RoundedNumber
{
    public const int MaxPlaces = 6;

    /// <summary>Enough for 15 digits, a sign and a decimal point.</summary>
    public const int MaxLength = 24;

    // Every power up to 10^6 is exact as a double, so the division below is the one Math.Round does.
    private static readonly double[] Scales = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    public static bool TryFormat(double value, int places, Span<byte> destination, out int written)
    {
        written = 0;
        if ((uint)places > MaxPlaces || destination.Length < MaxLength)
        {
            return false;
        }

        var magnitude = Math.Abs(value);
        if (!(magnitude >= 0.001 && magnitude < 1e14))
        {
            if (BitConverter.DoubleToInt64Bits(value) != 0)
            {
                return false;
            }

            destination[0] = (byte)'0';
            written = 1;
            return true;
        }

        var scale = Scales[places];
        var scaled = Math.Round(value * scale);
        if (scaled / scale != value || Math.Abs(scaled) >= 1e15)
        {
            return false;
        }

        var position = 0;
        if (scaled < 0)
        {
            destination[position++] = (byte)'-';
            scaled = -scaled;
        }

        // All the digits first, padded so that there is at least one before the point, then the point put in and
        // the fraction's trailing zeros dropped.
        Span<byte> digits = stackalloc byte[MaxLength];
        var units = (ulong)scaled;
        units.TryFormat(digits, out var count, default, CultureInfo.InvariantCulture);
        var wholeDigits = count - places;
        if (wholeDigits <= 0)
        {
            destination[position++] = (byte)'0';
        }
        else
        {
            digits[..wholeDigits].CopyTo(destination[position..]);
            position += wholeDigits;
        }

        var fraction = digits[Math.Max(0, wholeDigits)..count].TrimEnd((byte)'0');
        if (fraction.Length > 0 || wholeDigits < 0)
        {
            destination[position++] = (byte)'.';
            for (var i = wholeDigits; i < 0; i++)
            {
                destination[position++] = (byte)'0';
            }

            fraction.CopyTo(destination[position..]);
            position += fraction.Length;
        }

        written = position;
        return true;
    }
}
