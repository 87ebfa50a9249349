using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// Every log group the services write is one the configuration creates (so it has the retention the security rules
/// ask for), not one the service creates itself without retention: a Glue 5.0 job moves its output and error logs to
/// groups of its own with <c>--custom-logGroup-prefix</c> and the module creates <c>&lt;prefix&gt;/output</c> and
/// <c>&lt;prefix&gt;/error</c>; crawlers, which cannot be moved, write to <c>/aws-glue/crawlers</c>, which some module
/// creates; functions and delivery streams name a group of their module. Glue 4.0's logging options, which Glue 5.0
/// ignores, are flagged.
/// </summary>
public static partial class LogGroupChecker
{
    public const string CrawlerLogGroup = "/aws-glue/crawlers";

    private static readonly string[] Glue4LoggingOptions = ["--enable-continuous-cloudwatch-log", "--continuous-log-logGroup", "--enable-continuous-log-filter"];

    [GeneratedRegex("""^\$\{(?<expression>[^}]+)\}$""")]
    private static partial Regex SingleExpression();

    [GeneratedRegex("\"(?<value>[^\"]*)\"")]
    private static partial Regex Quoted();

    public static IReadOnlyList<string> Check(TerraformTree tree)
    {
        var problems = new List<string>();
        var crawlers = new List<TerraformBlock>();
        var allGroups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in tree.Modules.Values)
        {
            var groups = GroupNames(module);
            allGroups.UnionWith(groups);
            crawlers.AddRange(module.Resources("aws_glue_crawler"));

            foreach (var job in module.Resources("aws_glue_job"))
            {
                var arguments = job.Body["default_arguments"] as JsonObject;
                var version = JsonValues.AsString(job.Body["glue_version"]) ?? "";
                if (!version.StartsWith('5'))
                {
                    continue;
                }

                foreach (var option in Glue4LoggingOptions.Where(o => arguments?.ContainsKey(o) == true))
                {
                    problems.Add($"{job.Where}: {option} is a Glue 4.0 option; Glue {version} ignores it (its logs go to <prefix>/output and <prefix>/error)");
                }

                if (JsonValues.AsString(arguments?["--custom-logGroup-prefix"]) is not { } prefix)
                {
                    problems.Add($"{job.Where}: no --custom-logGroup-prefix: Glue {version} writes to the account-wide /aws-glue/jobs/output and /aws-glue/jobs/error, which no configuration owns (no retention)");
                    continue;
                }

                foreach (var stream in new[] { "output", "error" })
                {
                    if (!groups.Contains($"{prefix}/{stream}"))
                    {
                        problems.Add($"{job.Where}: no aws_cloudwatch_log_group {prefix}/{stream} in the module for the job's {stream} logs");
                    }
                }
            }

            foreach (var function in module.Resources("aws_lambda_function"))
            {
                var group = JsonValues.Block(function.Body, "logging_config")?["log_group"];
                if (!NamesALogGroup(module, group))
                {
                    problems.Add($"{function.Where}: logging_config.log_group does not name an aws_cloudwatch_log_group of the module (Lambda would create one without retention)");
                }
            }

            foreach (var stream in module.Resources("aws_kinesis_firehose_delivery_stream"))
            {
                var destination = JsonValues.Block(stream.Body, "extended_s3_configuration");
                var logging = destination is null ? null : JsonValues.Block(destination, "cloudwatch_logging_options");
                if (logging is not null && JsonValues.IsTrue(logging["enabled"]) && !NamesALogGroup(module, logging["log_group_name"]))
                {
                    problems.Add($"{stream.Where}: cloudwatch_logging_options.log_group_name does not name an aws_cloudwatch_log_group of the module");
                }
            }
        }

        if (crawlers.Count > 0 && !allGroups.Contains(CrawlerLogGroup))
        {
            problems.Add($"{crawlers[0].Where}: crawlers write to {CrawlerLogGroup}, which no aws_cloudwatch_log_group creates (with a retention)");
        }

        return problems;
    }

    private static bool NamesALogGroup(TerraformModule module, JsonNode? expression) =>
        JsonValues.AsString(expression) is { } text
        && module.Resources("aws_cloudwatch_log_group").Any(g => text.Contains(g.Address + ".", StringComparison.Ordinal) || text.Contains(g.Address + "[", StringComparison.Ordinal));

    /// <summary>
    /// The names of the module's log groups as written, with <c>${each.key}</c> expanded when the group's for_each is a
    /// literal set (or a local holding one), e.g. <c>${local.prefix}/output</c> and <c>${local.prefix}/error</c>.
    /// </summary>
    private static HashSet<string> GroupNames(TerraformModule module)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in module.Resources("aws_cloudwatch_log_group"))
        {
            var name = JsonValues.AsString(group.Body["name"]);
            if (name is null)
            {
                continue;
            }

            var keys = ForEachKeys(module, group.Body["for_each"]);
            if (keys is not null && name.Contains("${each.key}", StringComparison.Ordinal))
            {
                names.UnionWith(keys.Select(k => name.Replace("${each.key}", k, StringComparison.Ordinal)));
            }
            else
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static IReadOnlyList<string>? ForEachKeys(TerraformModule module, JsonNode? forEach)
    {
        var text = JsonValues.AsString(forEach);
        if (text is null || SingleExpression().Match(text) is not { Success: true } single)
        {
            return null;
        }

        var expression = single.Groups["expression"].Value;
        if (expression.StartsWith("local.", StringComparison.Ordinal) && module.Locals.GetValueOrDefault(expression["local.".Length..]) is { } local)
        {
            expression = JsonValues.AsString(local) ?? "";
        }

        return expression.Contains("toset([", StringComparison.Ordinal) || expression.StartsWith("${[", StringComparison.Ordinal)
            ? [.. Quoted().Matches(expression).Select(m => m.Groups["value"].Value)]
            : null;
    }
}
