using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

public sealed class LogGroupCheckerFlagsGroupsNoOneOwns
{
    private static IReadOnlyList<string> Check(string hcl) =>
        LogGroupChecker.Check(HclParser.ParseSnippets(new Dictionary<string, string> { ["main.tf"] = hcl.Replace("\r", "") }));

    private static string Job(string arguments) => $$"""
        resource "aws_glue_job" "j" {
          name         = "j"
          role_arn     = "r"
          glue_version = "5.0"

          command {
            script_location = "s"
          }

          default_arguments = {
        {{arguments}}
          }
        }

        """;

    [Fact]
    public void AGlue5JobWithoutACustomLogGroupPrefixIsFlagged() =>
        Problems.AssertFound(Check(Job("    \"--dataset\" = \"d\"")), "no --custom-logGroup-prefix");

    [Fact]
    public void Glue4LoggingOptionsOnAGlue5JobAreFlagged() =>
        Problems.AssertFound(Check(Job("    \"--enable-continuous-cloudwatch-log\" = \"true\"")), "--enable-continuous-cloudwatch-log is a Glue 4.0 option");

    [Fact]
    public void APrefixWithoutItsOutputAndErrorGroupsIsFlagged()
    {
        var problems = Check(Job("    \"--custom-logGroup-prefix\" = \"/aws-glue/jobs/p\""));

        Problems.AssertFound(problems, "no aws_cloudwatch_log_group /aws-glue/jobs/p/output");
        Problems.AssertFound(problems, "no aws_cloudwatch_log_group /aws-glue/jobs/p/error");
    }

    [Fact]
    public void GroupsMadeForEachStreamOfALiteralSetCoverThePrefix() => Problems.AssertNone(Check(Job("    \"--custom-logGroup-prefix\" = local.prefix") + """
        locals {
          prefix  = "/aws-glue/jobs/p"
          streams = toset(["output", "error"])
        }

        resource "aws_cloudwatch_log_group" "g" {
          for_each = local.streams

          name              = "${local.prefix}/${each.key}"
          retention_in_days = 30
        }

        """));

    [Fact]
    public void CrawlersWithoutTheCrawlersLogGroupAreFlagged() => Problems.AssertFound(Check("""
        resource "aws_glue_crawler" "c" {
          name          = "c"
          database_name = "d"
          role          = "r"
        }

        """), "crawlers write to /aws-glue/crawlers");

    [Fact]
    public void AFunctionLoggingToAGroupOfItsOwnMakingIsFlagged() => Problems.AssertFound(Check("""
        resource "aws_lambda_function" "f" {
          function_name = "f"
          role          = "r"
        }

        """), "logging_config.log_group does not name an aws_cloudwatch_log_group");
}
