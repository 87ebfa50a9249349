using System.Text;
using CsCheck;

namespace Pipeline.FuzzTests.Support;

/// <summary>
/// Mutation fuzzing with CsCheck's generators: a seed from a corpus and a short list of edits (flip a bit, overwrite,
/// insert or delete bytes, splice in a dictionary token, duplicate or truncate). Because the edits are generated
/// values, CsCheck shrinks a failure to the fewest and smallest edits, as a mutation fuzzer's minimiser would.
/// </summary>
public static class Mutations
{
    private const int Kinds = 8;

    /// <summary>Characters that break parsers: quotes, escapes, separators, controls, surrogates, non-ASCII.</summary>
    private static readonly char[] HostileChars =
        ['"', '\'', '\\', '/', '%', '+', '=', '&', '?', '#', ';', ':', ',', '.', '{', '}', '[', ']', '<', '>', '!', '*', ' ', '\t', '\r', '\n', '\0', '\u0001', '\u007f', '\u00e9', '\u00a0', '\u2028', '\ufeff', '\ufffd', '\ud800', '\udc00', 'A', 'z', '0', '9', '-', '_', '@', '~', '$', '(', ')', '|', '`'];

    /// <summary>One edit; <see cref="Position"/> and <see cref="Length"/> are scaled to the input when applied.</summary>
    public readonly record struct Edit(int Kind, uint Position, byte Value, int Length, int Token)
    {
        public override string ToString() => $"{Kind}@{Position}:{Value}x{Length}#{Token}";
    }

    public static readonly Gen<Edit> Edits =
        Gen.Select(Gen.Int[0, Kinds - 1], Gen.UInt, Gen.Byte, Gen.Int[1, 32], Gen.Int[0, 1 << 16], (kind, position, value, length, token) => new Edit(kind, position, value, length, token));

    /// <summary>A seed mutated by up to <paramref name="maxEdits"/> edits, splicing tokens from <paramref name="dictionary"/>.</summary>
    public static Gen<byte[]> Bytes(IReadOnlyList<byte[]> seeds, IReadOnlyList<byte[]> dictionary, int maxEdits = 6) =>
        Gen.Select(Gen.Int[0, seeds.Count - 1], Edits.Array[0, maxEdits], (seed, edits) => Apply(seeds[seed], edits, dictionary));

    /// <summary><see cref="Bytes(Gen{byte[]}, IReadOnlyList{byte[]}, int)"/> over generated seeds.</summary>
    public static Gen<byte[]> Bytes(Gen<byte[]> seeds, IReadOnlyList<byte[]> dictionary, int maxEdits = 6) =>
        Gen.Select(seeds, Edits.Array[0, maxEdits], (seed, edits) => Apply(seed, edits, dictionary));

    /// <summary>A text seed mutated char by char; lone surrogates and controls are in reach on purpose.</summary>
    public static Gen<string> Text(IReadOnlyList<string> seeds, IReadOnlyList<string> dictionary, int maxEdits = 6) =>
        Gen.Select(Gen.Int[0, seeds.Count - 1], Edits.Array[0, maxEdits], (seed, edits) => Apply(seeds[seed], edits, dictionary));

    public static Gen<string> Text(Gen<string> seeds, IReadOnlyList<string> dictionary, int maxEdits = 6) =>
        Gen.Select(seeds, Edits.Array[0, maxEdits], (seed, edits) => Apply(seed, edits, dictionary));

    public static byte[] Apply(byte[] seed, IEnumerable<Edit> edits, IReadOnlyList<byte[]> dictionary)
    {
        var data = new List<byte>(seed);
        foreach (var edit in edits)
        {
            var at = data.Count == 0 ? 0 : (int)(edit.Position % (uint)(data.Count + 1));
            var inside = Math.Min(at, Math.Max(0, data.Count - 1));
            var length = Math.Min(edit.Length, Math.Max(0, data.Count - at));
            switch (edit.Kind)
            {
                case 0 when data.Count > 0:
                    data[inside] ^= (byte)(1 << (edit.Value & 7));
                    break;
                case 1 when data.Count > 0:
                    data[inside] = edit.Value;
                    break;
                case 2:
                    data.InsertRange(at, Enumerable.Repeat(edit.Value, edit.Length));
                    break;
                case 3:
                    data.RemoveRange(at, length);
                    break;
                case 4 when dictionary.Count > 0:
                    data.InsertRange(at, dictionary[edit.Token % dictionary.Count]);
                    break;
                case 5 when dictionary.Count > 0:
                    data.RemoveRange(at, length);
                    data.InsertRange(at, dictionary[edit.Token % dictionary.Count]);
                    break;
                case 6:
                    data.InsertRange(at, data.GetRange(at, length));
                    break;
                case 7:
                    data.RemoveRange(at, data.Count - at);
                    break;
            }
        }

        return [.. data];
    }

    public static string Apply(string seed, IEnumerable<Edit> edits, IReadOnlyList<string> dictionary)
    {
        var text = new StringBuilder(seed);
        foreach (var edit in edits)
        {
            var at = text.Length == 0 ? 0 : (int)(edit.Position % (uint)(text.Length + 1));
            var inside = Math.Min(at, Math.Max(0, text.Length - 1));
            var length = Math.Min(edit.Length, Math.Max(0, text.Length - at));
            var hostile = HostileChars[edit.Value % HostileChars.Length];
            switch (edit.Kind)
            {
                case 0 when text.Length > 0:
                    text[inside] = (char)(text[inside] ^ (1 << (edit.Value & 7)));
                    break;
                case 1 when text.Length > 0:
                    text[inside] = hostile;
                    break;
                case 2:
                    text.Insert(at, new string(hostile, Math.Min(edit.Length, 4)));
                    break;
                case 3:
                    text.Remove(at, length);
                    break;
                case 4 when dictionary.Count > 0:
                    text.Insert(at, dictionary[edit.Token % dictionary.Count]);
                    break;
                case 5 when dictionary.Count > 0:
                    text.Remove(at, length);
                    text.Insert(at, dictionary[edit.Token % dictionary.Count]);
                    break;
                case 6:
                    text.Insert(at, text.ToString(at, length));
                    break;
                case 7:
                    text.Length = at;
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Tokens as UTF-8 for <see cref="Bytes(IReadOnlyList{byte[]}, IReadOnlyList{byte[]}, int)"/>.</summary>
    public static IReadOnlyList<byte[]> Utf8(params string[] tokens) => tokens.Select(Encoding.UTF8.GetBytes).ToArray();
}
