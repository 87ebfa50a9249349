using System.Text;

namespace Pipeline.LocalCloud.S3.Listing;

/// <summary>
/// S3's key order: UTF-8 bytes compared as unsigned bytes, which is code-point order. Ordinal string comparison
/// differs for characters above U+FFFF (surrogates sort below U+E000–U+FFFF in UTF-16).
/// </summary>
internal static class Utf8Order
{
    public static int Compare(string left, string right)
    {
        var a = left.AsSpan();
        var b = right.AsSpan();
        while (!a.IsEmpty && !b.IsEmpty)
        {
            Rune.DecodeFromUtf16(a, out var ra, out var na);
            Rune.DecodeFromUtf16(b, out var rb, out var nb);
            if (ra.Value != rb.Value)
            {
                return ra.Value.CompareTo(rb.Value);
            }

            a = a[na..];
            b = b[nb..];
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>A string that sorts after every key starting with <paramref name="prefix"/> except ones continuing with U+10FFFF.</summary>
    public static string AfterPrefix(string prefix) => prefix + char.ConvertFromUtf32(0x10FFFF);
}
