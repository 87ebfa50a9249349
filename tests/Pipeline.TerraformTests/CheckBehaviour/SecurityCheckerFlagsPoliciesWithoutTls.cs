using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

public sealed class SecurityCheckerFlagsPoliciesWithoutTls
{
    private const string Queue = """
        resource "aws_sqs_queue" "q" {
          name                    = "q"
          sqs_managed_sse_enabled = true
        }

        """;

    private const string TlsDeny = """
          statement {
            effect    = "Deny"
            actions   = ["sqs:*"]
            resources = ["*"]

            principals {
              type        = "*"
              identifiers = ["*"]
            }

            condition {
              test     = "Bool"
              variable = "aws:SecureTransport"
              values   = ["false"]
            }
          }
        """;

    private static IReadOnlyList<string> Check(string hcl) =>
        SecurityChecker.Check(HclParser.ParseSnippets(new Dictionary<string, string> { ["main.tf"] = hcl.Replace("\r", "") }));

    [Fact]
    public void AQueueWithoutAPolicyIsFlagged() =>
        Problems.AssertFound(Check(Queue), "aws_sqs_queue.q: no aws_sqs_queue_policy");

    [Fact]
    public void AQueuePolicyThatOnlyAllowsIsFlagged() => Problems.AssertFound(Check(Queue + """
        data "aws_iam_policy_document" "p" {
          statement {
            actions   = ["sqs:SendMessage"]
            resources = [aws_sqs_queue.q.arn]
          }
        }

        resource "aws_sqs_queue_policy" "q" {
          queue_url = aws_sqs_queue.q.id
          policy    = data.aws_iam_policy_document.p.json
        }

        """), "aws_sqs_queue_policy.q: does not deny requests without TLS");

    [Fact]
    public void AQueuePolicyFromAnIndexedDocumentWithATlsDenyPasses()
    {
        var problems = Check(Queue + $$"""
            data "aws_iam_policy_document" "p" {
              for_each = toset(["q"])

            {{TlsDeny}}
            }

            resource "aws_sqs_queue_policy" "q" {
              queue_url = aws_sqs_queue.q.id
              policy    = data.aws_iam_policy_document.p["q"].json
            }

            """);

        Problems.AssertNone(problems);
    }

    [Fact]
    public void ATopicWithoutAPolicyIsFlagged() => Problems.AssertFound(
        Check("resource \"aws_sns_topic\" \"t\" {\n  name              = \"t\"\n  kms_master_key_id = \"alias/aws/sns\"\n}\n"),
        "aws_sns_topic.t: no aws_sns_topic_policy");
}
