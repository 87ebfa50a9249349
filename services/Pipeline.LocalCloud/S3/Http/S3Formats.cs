using System.Globalization;
using System.Text;

namespace Pipeline.LocalCloud.S3.Http;

/// <summary>How S3 writes dates, URL-encoded listing values and non-ASCII header values.</summary>
internal static class S3Formats
{
    /// <summary>XML timestamps: ISO-8601 UTC with milliseconds, <c>2026-01-02T03:04:05.000Z</c>.</summary>
    public static string IsoDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Header dates (Last-Modified): RFC 1123, <c>Fri, 02 Jan 2026 03:04:05 GMT</c>.</summary>
    public static string HttpDate(DateTimeOffset time) => time.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    /// <summary>
    /// A listing value under <c>encoding-type=url</c>: UTF-8 percent-encoding of everything but unreserved characters
    /// and <c>/</c>, which SDKs undo with a URL unquote.
    /// </summary>
    public static string UrlEncode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~' or (byte)'/')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>A header value as HTTP allows it: ASCII as is, anything else RFC 2047-encoded, as S3 sends metadata.</summary>
    public static string HeaderValue(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~' && c != '\t')
            {
                return "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + "?=";
            }
        }

        return value;
    }

    /// <summary>Parses an HTTP date header; null when absent or malformed (S3 then ignores the condition).</summary>
    public static DateTimeOffset? ParseHttpDate(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
}
