using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// A name AWS would refuse for its length is refused at plan time instead: every resource of a type with a name limit
/// has either a literal name within the limit, or a <c>lifecycle { precondition }</c> whose condition holds
/// <c>length(&lt;the name expression&gt;) &lt;= N</c> with N at most the limit. Names are built from prefixes and dataset
/// names, so only a check on the name itself covers every way they can grow (an IAM role named after a 64-character
/// function plus <c>-role</c>, say).
/// </summary>
public static partial class NameLengthChecker
{
    /// <summary>Resource type → the argument holding its name and AWS's limit on it, in characters.</summary>
    public static IReadOnlyDictionary<string, (string Attribute, int Limit)> Limits { get; } = new Dictionary<string, (string, int)>(StringComparer.Ordinal)
    {
        ["aws_iam_role"] = ("name", 64),
        ["aws_iam_role_policy"] = ("name", 128),
        ["aws_lambda_function"] = ("function_name", 64),
        ["aws_kinesis_firehose_delivery_stream"] = ("name", 64),
        ["aws_sqs_queue"] = ("name", 80),
        ["aws_sns_topic"] = ("name", 256),
        ["aws_s3_bucket"] = ("bucket", 63),
        ["aws_cloudwatch_event_rule"] = ("name", 64),
        ["aws_cloudwatch_metric_alarm"] = ("alarm_name", 255),
        ["aws_cloudwatch_log_group"] = ("name", 512),
        ["aws_glue_catalog_database"] = ("name", 255),
        ["aws_glue_crawler"] = ("name", 255),
        ["aws_glue_job"] = ("name", 255),
        ["aws_glue_security_configuration"] = ("name", 255),
        ["aws_athena_workgroup"] = ("name", 128),
        ["aws_athena_named_query"] = ("name", 128),
        ["aws_kms_alias"] = ("name", 256),
        ["aws_quicksight_dashboard"] = ("dashboard_id", 512),
    };

    [GeneratedRegex("""length\((?<expression>.+?)\)\s*<=\s*(?<limit>\d+)""")]
    private static partial Regex LengthAtMost();

    public static IReadOnlyList<string> Check(TerraformTree tree)
    {
        var problems = new List<string>();
        foreach (var module in tree.Modules.Values)
        {
            foreach (var resource in module.Blocks.Where(b => b.Kind == "resource" && Limits.ContainsKey(b.Type)))
            {
                var (attribute, limit) = Limits[resource.Type];
                var name = JsonValues.AsString(resource.Body[attribute]);
                if (name is null)
                {
                    continue;
                }

                if (!name.Contains("${", StringComparison.Ordinal))
                {
                    if (name.Length > limit)
                    {
                        problems.Add($"{resource.Where}: {attribute} \"{name}\" is longer than the {limit} characters AWS allows");
                    }

                    continue;
                }

                var expression = AsExpression(name);
                var bounds = Preconditions(resource)
                    .SelectMany(condition => LengthAtMost().Matches(condition))
                    .Where(m => m.Groups["expression"].Value == expression)
                    .Select(m => int.Parse(m.Groups["limit"].Value, System.Globalization.CultureInfo.InvariantCulture))
                    .ToList();
                if (bounds.Count == 0)
                {
                    problems.Add($"{resource.Where}: {attribute} is built from inputs, and no precondition holds length({expression}) <= {limit} (AWS's limit)");
                }
                else if (bounds.Min() > limit)
                {
                    problems.Add($"{resource.Where}: the precondition allows {attribute} {bounds.Min()} characters; AWS allows {limit}");
                }
            }
        }

        return problems;
    }

    /// <summary>The name as an HCL expression: <c>${x}</c> is <c>x</c>, a template is itself in quotes.</summary>
    private static string AsExpression(string name) => IsSingleInterpolation(name) ? name[2..^1] : $"\"{name}\"";

    /// <summary>True when the whole string is one <c>${…}</c> (which may hold templates of its own).</summary>
    private static bool IsSingleInterpolation(string text)
    {
        if (!text.StartsWith("${", StringComparison.Ordinal) || !text.EndsWith('}'))
        {
            return false;
        }

        var depth = 0;
        for (var i = 1; i < text.Length; i++)
        {
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0 && i < text.Length - 1)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Preconditions(TerraformBlock resource) =>
        from lifecycle in (resource.Body["lifecycle"] as JsonArray ?? []).OfType<JsonObject>()
        from precondition in (lifecycle["precondition"] as JsonArray ?? []).OfType<JsonObject>()
        select JsonValues.AsString(precondition["condition"]) ?? "";
}
