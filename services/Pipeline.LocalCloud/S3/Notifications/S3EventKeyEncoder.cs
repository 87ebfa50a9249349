using System.Text;

namespace Pipeline.LocalCloud.S3.Notifications;

/// <summary>
/// The object key as S3 writes it in event records: form-encoded (UTF-8, space as <c>+</c>, <c>=</c> as <c>%3D</c>)
/// with <c>/</c> kept, so <c>raw/year=2026/a b.json</c> becomes <c>raw/year%3D2026/a+b.json</c>. Consumers decode it
/// with a form decoder (<c>unquote_plus</c>, <c>WebUtility.UrlDecode</c>).
/// </summary>
public static class S3EventKeyEncoder
{
    public static string Encode(string key)
    {
        var builder = new StringBuilder(key.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '*' or '/')
            {
                builder.Append(c);
            }
            else if (c == ' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
