using System.Text.RegularExpressions;

namespace Pipeline.LocalCloud.Lambda;

/// <summary>
/// A function as a caller names it: <c>my-function</c>, <c>my-function:$LATEST</c>, the partial ARN
/// <c>123456789012:function:my-function</c>, or the full ARN <c>arn:aws:lambda:us-east-1:123456789012:function:my-function</c>.
/// Region and account are null when the caller left them out.
/// </summary>
internal sealed partial record FunctionReference(string Name, string? Qualifier, string? Region, string? AccountId)
{
    /// <summary>The pattern Lambda quotes when it rejects a function name.</summary>
    public const string Pattern = @"(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?";

    private const int MaxLength = 256;

    /// <summary>The unqualified ARN LocalCloud gives a function.</summary>
    public static string Arn(string region, string accountId, string name) => $"arn:aws:lambda:{region}:{accountId}:function:{name}";

    /// <summary>Parses <paramref name="value"/>, or throws Lambda's <c>ValidationException</c> for <c>functionName</c>.</summary>
    public static FunctionReference Parse(string? value) =>
        TryParse(value, out var reference)
            ? reference
            : throw LambdaErrors.Validation("functionName", value, $"Member must satisfy regular expression pattern: {Pattern}");

    public static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FunctionReference? reference)
    {
        reference = null;
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        var parts = value.Split(':');
        string? region = null;
        string? account = null;
        int nameIndex;
        if (parts[0] == "arn")
        {
            // arn:partition:lambda:region:account:function:name[:qualifier]
            if (parts.Length is not (7 or 8) || !parts[1].StartsWith("aws", StringComparison.Ordinal) || parts[2] != "lambda"
                || !RegionPattern().IsMatch(parts[3]) || !AccountPattern().IsMatch(parts[4]) || parts[5] != "function")
            {
                return false;
            }

            region = parts[3];
            account = parts[4];
            nameIndex = 6;
        }
        else
        {
            var function = Array.IndexOf(parts, "function");
            switch (function)
            {
                case < 0:
                    nameIndex = 0;
                    break;
                case 0:
                    nameIndex = 1;
                    break;
                case 1 when AccountPattern().IsMatch(parts[0]):
                    account = parts[0];
                    nameIndex = 2;
                    break;
                case 1 when RegionPattern().IsMatch(parts[0]):
                    region = parts[0];
                    nameIndex = 2;
                    break;
                case 2 when RegionPattern().IsMatch(parts[0]) && AccountPattern().IsMatch(parts[1]):
                    region = parts[0];
                    account = parts[1];
                    nameIndex = 3;
                    break;
                default:
                    return false;
            }
        }

        if (parts.Length - nameIndex is not (1 or 2) || !NamePattern().IsMatch(parts[nameIndex]))
        {
            return false;
        }

        string? qualifier = null;
        if (parts.Length - nameIndex == 2)
        {
            qualifier = parts[nameIndex + 1];
            if (!QualifierPattern().IsMatch(qualifier))
            {
                return false;
            }
        }

        reference = new FunctionReference(parts[nameIndex], qualifier, region, account);
        return true;
    }

    /// <summary>True for a name CreateFunction takes: letters, digits, hyphens and underscores, at most 64.</summary>
    public static bool IsValidName(string name) => CreateNamePattern().IsMatch(name);

    [GeneratedRegex(@"^[a-zA-Z0-9\-_\.]{1,64}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-zA-Z0-9\-_]{1,64}$")]
    private static partial Regex CreateNamePattern();

    [GeneratedRegex(@"^(\$LATEST|[a-zA-Z0-9\-_$]{1,128})$")]
    private static partial Regex QualifierPattern();

    [GeneratedRegex(@"^(eusc-)?[a-z]{2}((-gov)|(-iso[a-z]?))?-[a-z]+-\d$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountPattern();
}
