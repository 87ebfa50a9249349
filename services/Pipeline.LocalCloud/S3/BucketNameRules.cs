using System.Net;

namespace Pipeline.LocalCloud.S3;

/// <summary>S3's general-purpose bucket naming rules, which CreateBucket enforces with InvalidBucketName.</summary>
internal static class BucketNameRules
{
    private static readonly string[] ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
    private static readonly string[] ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

    public static bool IsValid(string name)
    {
        if (name.Length is < 3 or > 63 || !IsLetterOrDigit(name[0]) || !IsLetterOrDigit(name[^1]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(IsLetterOrDigit(c) || c is '.' or '-'))
            {
                return false;
            }
        }

        return !name.Contains("..", StringComparison.Ordinal)
            && !IPAddress.TryParse(name, out _)
            && !ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
            && !ReservedSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));
    }

    private static bool IsLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
