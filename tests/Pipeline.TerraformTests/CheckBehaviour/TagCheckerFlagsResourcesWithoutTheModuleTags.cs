using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

public sealed class TagCheckerFlagsResourcesWithoutTheModuleTags
{
    private const string TagsVariable = """
        variable "tags" {
          description = "t"
          type        = map(string)
          default     = {}
        }

        """;

    private static IReadOnlyList<string> Check(string main) =>
        TagChecker.Check(
            HclParser.ParseSnippets(new Dictionary<string, string> { ["modules/m/variables.tf"] = TagsVariable, ["modules/m/main.tf"] = main.Replace("\r", "") }),
            AwsProviderSchema.Instance);

    [Fact]
    public void AnUntaggedTaggableResourceIsFlagged() =>
        Problems.AssertFound(Check("resource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n}\n"), "aws_sqs_queue.q: can be tagged");

    [Fact]
    public void TagsThatLeaveTheInputOutAreFlagged() =>
        Problems.AssertFound(Check("resource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n  tags = { A = \"b\" }\n}\n"), "aws_sqs_queue.q: can be tagged");

    [Fact]
    public void ALocalMergingTheInputPasses() => Problems.AssertNone(Check("""
        locals {
          tags = merge({ Component = "m" }, var.tags)
        }

        resource "aws_sqs_queue" "q" {
          name = "q"
          tags = local.tags
        }

        resource "aws_sqs_queue_policy" "q" {
          queue_url = aws_sqs_queue.q.id
          policy    = "{}"
        }

        """));
}
