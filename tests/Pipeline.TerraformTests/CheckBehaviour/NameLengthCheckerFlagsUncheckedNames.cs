using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

public sealed class NameLengthCheckerFlagsUncheckedNames
{
    private static IReadOnlyList<string> Check(string hcl) =>
        NameLengthChecker.Check(HclParser.ParseSnippets(new Dictionary<string, string> { ["main.tf"] = hcl.Replace("\r", "") }));

    [Fact]
    public void ARoleNamedFromAnInputWithoutAPreconditionIsFlagged() => Problems.AssertFound(Check("""
        resource "aws_iam_role" "r" {
          name               = "${var.name}-role"
          assume_role_policy = "{}"
        }

        """), "no precondition holds length(\"${var.name}-role\") <= 64");

    [Fact]
    public void APreconditionLooserThanAwsIsFlagged() => Problems.AssertFound(Check("""
        resource "aws_iam_role" "r" {
          name               = local.role
          assume_role_policy = "{}"

          lifecycle {
            precondition {
              condition     = length(local.role) <= 69
              error_message = "too long"
            }
          }
        }

        """), "the precondition allows name 69 characters; AWS allows 64");

    [Fact]
    public void APreconditionOnTheNameExpressionPasses() => Problems.AssertNone(Check("""
        resource "aws_cloudwatch_metric_alarm" "a" {
          for_each = var.names

          alarm_name          = local.alarm_names["x-${each.key}"]
          comparison_operator = "GreaterThanThreshold"
          evaluation_periods  = 1

          lifecycle {
            precondition {
              condition     = length(local.alarm_names["x-${each.key}"]) <= 255
              error_message = "too long"
            }
          }
        }

        """));

    [Fact]
    public void ALiteralNamePastTheLimitIsFlagged() =>
        Problems.AssertFound(Check($"resource \"aws_sqs_queue\" \"q\" {{\n  name = \"{new string('q', 81)}\"\n}}\n"), "is longer than the 80 characters AWS allows");
}
