using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>
/// An S3 target's exclusion pattern, matched against keys relative to the target as Glue does: <c>*</c> matches within
/// one folder level, <c>**</c> across levels, <c>?</c> one character, <c>[abc]</c> a class, <c>{a,b}</c> alternatives.
/// A pattern that matches a folder excludes everything in it.
/// </summary>
internal sealed class ExclusionGlob
{
    private readonly Regex _regex;

    public ExclusionGlob(string pattern)
    {
        Pattern = pattern;
        _regex = new Regex("^" + ToRegex(pattern) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    /// <param name="relativeKey">The object key without the target's prefix.</param>
    public bool Excludes(string relativeKey)
    {
        if (_regex.IsMatch(relativeKey))
        {
            return true;
        }

        // The object's folders, with and without their final '/'.
        for (var slash = relativeKey.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = relativeKey.IndexOf('/', slash + 1))
        {
            if (_regex.IsMatch(relativeKey[..slash]) || _regex.IsMatch(relativeKey[..(slash + 1)]))
            {
                return true;
            }
        }

        return false;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder();
        var inAlternatives = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        // "**/" also matches no folder at all.
                        i++;
                        regex.Append("(?:.*/)?");
                    }
                    else
                    {
                        regex.Append(".*");
                    }

                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        regex.Append(@"\[");
                    }
                    else
                    {
                        var set = pattern[(i + 1)..close];
                        regex.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                        i = close;
                    }

                    break;
                case '{':
                    inAlternatives++;
                    regex.Append("(?:");
                    break;
                case '}' when inAlternatives > 0:
                    inAlternatives--;
                    regex.Append(')');
                    break;
                case ',' when inAlternatives > 0:
                    regex.Append('|');
                    break;
                case '\\' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.ToString();
    }
}
