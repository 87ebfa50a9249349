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

        // The fraction's trailing zeros go first; then the digits are written from the right: the places left, the
        // point, the whole part ("0" when there is none).
        var units = (ulong)scaled;
        while (places > 0 && units % 10 == 0)
        {
            units /= 10;
            places--;
        }

        var digits = CountDigits(units);
        var length = places == 0 ? digits : Math.Max(digits, places + 1) + 1;
        var index = position + length;
        for (var i = 0; i < places; i++)
        {
            destination[--index] = (byte)('0' + (int)(units % 10));
            units /= 10;
        }

        if (places > 0)
        {
            destination[--index] = (byte)'.';
        }

        do
        {
            destination[--index] = (byte)('0' + (int)(units % 10));
            units /= 10;
        }
        while (units != 0);

        written = position + length;
        return true;
    }

    private static int CountDigits(ulong value)
    {
        var digits = 1;
        for (ulong bound = 10; value >= bound && digits < 20; bound *= 10)
        {
            digits++;
        }

        return digits;
    }
}
