using System.Text;

namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>How the crawler names a target's table: the prefix plus the target's last folder, lower-cased, anything but letters and digits as <c>_</c>.</summary>
internal static class TableNaming
{
    public static string For(S3Location target, string? tablePrefix)
    {
        var folders = target.Prefix.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var last = folders.Length > 0 ? folders[^1] : target.Bucket;
        return Clean((tablePrefix ?? string.Empty) + last);
    }

    /// <summary>Lower-cased, with every character that is not an ASCII letter or digit replaced by <c>_</c>.</summary>
    public static string Clean(string name)
    {
        var clean = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            clean.Append(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '_');
        }

        return clean.ToString();
    }
}
