using System.Globalization;

namespace Pipeline.LocalCloud.S3.Http;

/// <summary>A satisfiable byte range of an object: <see cref="Start"/> to <see cref="End"/> inclusive.</summary>
internal readonly record struct ByteRange(long Start, long End)
{
    public long Length => End - Start + 1;

    /// <summary>
    /// Reads a <c>Range</c> header against an object of <paramref name="size"/> bytes the way S3 does: null (serve the
    /// whole object) for no header, a header S3 ignores (not <c>bytes=</c>, several ranges, malformed), and InvalidRange
    /// for a well-formed range that starts past the end or asks for a suffix of an empty object.
    /// </summary>
    public static ByteRange? Parse(string? header, long size)
    {
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var spec = header["bytes=".Length..].Trim();
        if (spec.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return null;
        }

        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            if (!TryParse(last, out var suffix))
            {
                return null;
            }

            if (suffix == 0 || size == 0)
            {
                throw S3Errors.InvalidRange();
            }

            return new ByteRange(Math.Max(0, size - suffix), size - 1);
        }

        if (!TryParse(first, out var start))
        {
            return null;
        }

        long end;
        if (last.Length == 0)
        {
            end = size - 1;
        }
        else if (!TryParse(last, out end) || end < start)
        {
            return null;
        }

        if (start >= size)
        {
            throw S3Errors.InvalidRange();
        }

        return new ByteRange(start, Math.Min(end, size - 1));
    }

    private static bool TryParse(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
