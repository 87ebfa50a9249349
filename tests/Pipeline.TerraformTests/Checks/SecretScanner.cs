using System.Text.RegularExpressions;

namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// No secret, credential, account id, region or bucket name written into the configuration: they come from the
/// AWS credential chain, data sources and variables.
/// </summary>
public static partial class SecretScanner
{
    [GeneratedRegex("""\b(AKIA|ASIA)[0-9A-Z]{16}\b""")]
    private static partial Regex AccessKeyId();

    [GeneratedRegex(@"(?i)\w*(secret|password|passwd|token|access_key|secret_key|private_key)\w*""?\s*[=:]\s*""(?!\$\{)[^""]+")]
    private static partial Regex AssignedSecret();

    [GeneratedRegex("""(?<![\w.\-])\d{12}(?![\w.\-])""")]
    private static partial Regex AccountId();

    [GeneratedRegex("""\b(us|eu|ap|sa|ca|me|af|il|mx)-(gov-)?(east|west|north|south|central|northeast|southeast|northwest|southwest)-\d\b""")]
    private static partial Regex Region();

    // `s3://bucket/…` is the placeholder messages and docs use for "some bucket".
    [GeneratedRegex("""(s3://|arn:aws[\w-]*:s3:::)(?!\$\{|bucket/)[a-z0-9]""")]
    private static partial Regex LiteralBucket();

    public static IReadOnlyList<string> Check(string file, string text)
    {
        var problems = new List<string>();
        var isTest = file.Replace('\\', '/').Contains("/tests/", StringComparison.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var where = $"{file}:{i + 1}";
            if (AccessKeyId().IsMatch(line))
            {
                problems.Add($"{where}: an AWS access key id");
            }

            if (AssignedSecret().IsMatch(line))
            {
                problems.Add($"{where}: a secret assigned a literal value");
            }

            if (AccountId().IsMatch(line))
            {
                problems.Add($"{where}: a 12-digit number (an account id?); use data.aws_caller_identity");
            }

            if (Region().IsMatch(line))
            {
                problems.Add($"{where}: a region name; use data.aws_region or the provider's configuration");
            }

            // A test of the Glue script names made-up buckets on purpose; deployed files must not name any.
            if (!isTest && LiteralBucket().IsMatch(line))
            {
                problems.Add($"{where}: a bucket name written out; use the storage module's output");
            }
        }

        return problems;
    }
}
