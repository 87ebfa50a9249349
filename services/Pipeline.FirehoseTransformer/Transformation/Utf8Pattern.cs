using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>
/// A dataset's field pattern matched against UTF-8 text without allocating. The shape every built-in pattern has,
/// <c>^</c>, a fixed sequence of ASCII classes (<c>[A-HJ-N]</c>) or literals, each optionally repeated <c>{n}</c>,
/// then <c>$</c>, is compiled to one bit mask per position and checked on the bytes directly; any other pattern
/// runs through <see cref="Regex"/> on the text decoded into a stack or pooled buffer, as before.
/// </summary>
internal sealed class Utf8Pattern
{
    private const int StackChars = 256;

    // Per position, the allowed ASCII bytes as two 64-bit halves; null when the pattern is not of the simple shape.
    private readonly ulong[]? _low;
    private readonly ulong[]? _high;

    public Utf8Pattern(string pattern)
    {
        Regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        if (TryCompile(pattern, out var masks))
        {
            _low = masks.Select(m => m.Low).ToArray();
            _high = masks.Select(m => m.High).ToArray();
        }
    }

    public Regex Regex { get; }

    /// <summary>Whether the fixed-shape matcher is used (no regex engine per record).</summary>
    public bool IsCompiledToMasks => _low is not null;

    public bool IsMatch(ReadOnlySpan<byte> utf8)
    {
        if (_low is not null)
        {
            // '$' also matches before a final '\n'; the text is trimmed, so it never ends with one.
            if (utf8.Length != _low.Length)
            {
                return utf8.Length == _low.Length + 1 && utf8[^1] == (byte)'\n' && MatchesMasks(utf8[..^1]);
            }

            return MatchesMasks(utf8);
        }

        var length = Encoding.UTF8.GetCharCount(utf8);
        char[]? rented = null;
        var chars = length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetChars(utf8, chars);
            return Regex.IsMatch(chars[..written]);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private bool MatchesMasks(ReadOnlySpan<byte> utf8)
    {
        var low = _low!;
        var high = _high!;
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            var allowed = b < 64 ? (low[i] >> b) & 1 : b < 128 ? (high[i] >> (b - 64)) & 1 : 0;
            if (allowed == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryCompile(string pattern, out List<(ulong Low, ulong High)> masks)
    {
        masks = [];
        if (pattern.Length < 2 || pattern[0] != '^' || pattern[^1] != '$')
        {
            return false;
        }

        var i = 1;
        var end = pattern.Length - 1;
        while (i < end)
        {
            (ulong Low, ulong High) mask;
            var c = pattern[i];
            if (c == '[')
            {
                if (!TryClass(pattern, ref i, end, out mask))
                {
                    return false;
                }
            }
            else if (c is '\\' or '.' or '(' or ')' or '|' or '?' or '*' or '+' or '{' or '}' or '^' or '$' or ']' || c >= 128 || char.IsWhiteSpace(c))
            {
                return false;
            }
            else
            {
                mask = Bit(c);
                i++;
            }

            var repeat = 1;
            if (i < end && pattern[i] == '{')
            {
                var close = pattern.IndexOf('}', i);
                if (close < 0 || close >= end || !int.TryParse(pattern.AsSpan(i + 1, close - i - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out repeat) || repeat is < 1 or > 1024)
                {
                    return false;
                }

                i = close + 1;
            }

            if (i < end && pattern[i] is '?' or '*' or '+' or '{')
            {
                return false;
            }

            for (var r = 0; r < repeat; r++)
            {
                masks.Add(mask);
            }
        }

        return masks.Count > 0;
    }

    // A class of ASCII letters, digits, single characters and ranges; no negation, escapes or nested classes.
    private static bool TryClass(string pattern, ref int i, int end, out (ulong Low, ulong High) mask)
    {
        mask = default;
        i++;
        if (i < end && pattern[i] == '^')
        {
            return false;
        }

        var any = false;
        while (i < end && pattern[i] != ']')
        {
            var first = pattern[i];
            if (!char.IsAsciiLetterOrDigit(first) && first is not ('_' or ':' or '/' or '.' or ' ' or '@'))
            {
                return false;
            }

            var last = first;
            if (i + 2 < end && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                last = pattern[i + 2];
                if (!char.IsAsciiLetterOrDigit(last) || last < first)
                {
                    return false;
                }

                i += 3;
            }
            else
            {
                i++;
            }

            for (var c = first; c <= last; c++)
            {
                var bit = Bit(c);
                mask = (mask.Low | bit.Low, mask.High | bit.High);
            }

            any = true;
        }

        if (i >= end || !any)
        {
            return false;
        }

        i++;
        return true;
    }

    private static (ulong Low, ulong High) Bit(char c) => c < 64 ? (1UL << c, 0) : (0, 1UL << (c - 64));
}
