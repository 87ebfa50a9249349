using Bogus;

namespace Pipeline.Generator.Data.Vehicles;

/// <summary>
/// Vehicle identification numbers (ISO 3779): 17 characters without I, O or Q, with the North-American check digit in
/// position 9 so that validators that check it accept ours.
/// </summary>
public static class Vin
{
    public const int Length = 17;

    /// <summary>Every character a VIN may hold.</summary>
    public const string Alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    // Model-year codes 2015–2026; the year position never holds I, O, Q, U, Z or 0.
    private const string YearCodes = "FGHJKLMNPRST";

    private static readonly int[] Weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    public static string Generate(Randomizer random, string wmi)
    {
        if (wmi.Length != 3)
        {
            throw new ArgumentException("A world manufacturer identifier has three characters.", nameof(wmi));
        }

        Span<char> vin = stackalloc char[Length];
        wmi.AsSpan().CopyTo(vin);
        for (var i = 3; i < 8; i++)
        {
            vin[i] = Alphabet[random.Number(0, Alphabet.Length - 1)];
        }

        vin[9] = YearCodes[random.Number(0, YearCodes.Length - 1)];
        vin[10] = Alphabet[random.Number(0, 22)];
        for (var i = 11; i < Length; i++)
        {
            vin[i] = (char)('0' + random.Number(0, 9));
        }

        vin[8] = '0';
        vin[8] = CheckDigit(vin);
        return new string(vin);
    }

    /// <summary>The check digit (position 9) the other 16 characters call for: '0'–'9' or 'X'.</summary>
    public static char CheckDigit(ReadOnlySpan<char> vin)
    {
        if (vin.Length != Length)
        {
            throw new ArgumentException("A VIN has 17 characters.", nameof(vin));
        }

        var sum = 0;
        for (var i = 0; i < Length; i++)
        {
            sum += Transliterate(vin[i]) * Weights[i];
        }

        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    /// <summary>17 characters from <see cref="Alphabet"/> and a correct check digit.</summary>
    public static bool IsValid(string? vin)
    {
        if (vin is null || vin.Length != Length)
        {
            return false;
        }

        foreach (var c in vin)
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return CheckDigit(vin) == vin[8];
    }

    private static int Transliterate(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        'A' or 'J' => 1,
        'B' or 'K' or 'S' => 2,
        'C' or 'L' or 'T' => 3,
        'D' or 'M' or 'U' => 4,
        'E' or 'N' or 'V' => 5,
        'F' or 'W' => 6,
        'G' or 'P' or 'X' => 7,
        'H' or 'Y' => 8,
        'R' or 'Z' => 9,
        _ => throw new ArgumentException($"'{c}' cannot appear in a VIN."),
    };
}
