using System.Globalization;
using System.Text;

namespace Pipeline.LocalCloud.CloudWatch.Api;

/// <summary>NextToken values: opaque to callers, an offset into the (ordered) list to LocalCloud.</summary>
internal static class PageTokens
{
    private const string Prefix = "localcloud:";

    public static string? Next(int offset, int total) =>
        offset >= total ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The offset a token stands for; null when it is not one of ours.</summary>
    public static int? Offset(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? offset
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
