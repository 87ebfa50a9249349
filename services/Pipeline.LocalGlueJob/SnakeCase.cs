using System.Text;

namespace Pipeline.LocalGlueJob;

/// <summary>
/// Rule 2 of the flatten rule for one name part: <c>HTTPCode</c> → <c>http_code</c>, <c>3d view</c> → <c>c_3d_view</c>,
/// <c>__</c> → <c>col</c>. ASCII only, as the Python twin, so the two never disagree on a name.
/// </summary>
internal static class SnakeCase
{
    public static string Of(string name)
    {
        var spaced = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsAsciiLetterUpper(c))
            {
                var previous = name[i - 1];
                var lowerOrDigitBefore = char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous);
                var upperBeforeAndLowerAfter = char.IsAsciiLetterUpper(previous) && i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]);
                if (lowerOrDigitBefore || upperBeforeAndLowerAfter)
                {
                    spaced.Append('_');
                }
            }

            spaced.Append(char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c);
        }

        // Each run of characters outside [a-z0-9] becomes one '_'.
        var result = new StringBuilder(spaced.Length);
        var inRun = false;
        foreach (var c in spaced.ToString())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                result.Append(c);
                inRun = false;
            }
            else if (!inRun)
            {
                result.Append('_');
                inRun = true;
            }
        }

        var trimmed = result.ToString().Trim('_');
        if (trimmed.Length == 0)
        {
            return "col";
        }

        return char.IsAsciiDigit(trimmed[0]) ? "c_" + trimmed : trimmed;
    }
}
