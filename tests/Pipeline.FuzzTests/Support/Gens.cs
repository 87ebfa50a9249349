using System.Collections.Immutable;
using CsCheck;

namespace Pipeline.FuzzTests.Support;

/// <summary>Generator combinators CsCheck leaves to the caller.</summary>
public static class Gens
{
    /// <summary>One value from each generator, in order.</summary>
    public static Gen<ImmutableList<T>> Sequence<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const(ImmutableList<T>.Empty), (list, gen) => Gen.Select(list, gen, (items, item) => items.Add(item)));

    /// <summary>Any Unicode scalar value: ASCII most often, then the BMP, then the astral planes.</summary>
    public static readonly Gen<string> Scalar = Gen.Frequency(
        (6, Gen.Char['\u0020', '\u007e'].Select(c => c.ToString())),
        (2, Gen.Char['\u0000', '\u001f'].Select(c => c.ToString())),
        (3, Gen.Int[0x80, 0xD7FF].Select(char.ConvertFromUtf32)),
        (1, Gen.Int[0xE000, 0xFFFD].Select(char.ConvertFromUtf32)),
        (2, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)));

    /// <summary>Well-formed text (no lone surrogates) of <paramref name="min"/> to <paramref name="max"/> scalars.</summary>
    public static Gen<string> UnicodeText(int min, int max) => Scalar.Array[min, max].Select(parts => string.Concat(parts));
}
