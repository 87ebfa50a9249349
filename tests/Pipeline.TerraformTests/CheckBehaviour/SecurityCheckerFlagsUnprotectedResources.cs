using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

public sealed class SecurityCheckerFlagsUnprotectedResources
{
    private static IReadOnlyList<string> Check(string hcl) =>
        SecurityChecker.Check(HclParser.ParseSnippets(new Dictionary<string, string> { ["main.tf"] = hcl }));

    [Fact]
    public void ABareBucketIsFlaggedForEachMissingProtection()
    {
        var problems = Check("resource \"aws_s3_bucket\" \"b\" {\n  bucket = var.name\n}\n");

        Problems.AssertFound(problems, "no aws_s3_bucket_public_access_block");
        Problems.AssertFound(problems, "no aws_s3_bucket_server_side_encryption_configuration");
        Problems.AssertFound(problems, "denying requests without TLS");
    }

    [Fact]
    public void APartialPublicAccessBlockIsFlagged() => Problems.AssertFound(Check("""
        resource "aws_s3_bucket" "b" {
          bucket = var.name
        }

        resource "aws_s3_bucket_public_access_block" "b" {
          bucket                  = aws_s3_bucket.b.id
          block_public_acls       = true
          block_public_policy     = false
          ignore_public_acls      = true
          restrict_public_buckets = true
        }

        """.Replace("\r", "")), "block_public_policy is not true");

    [Fact]
    public void AnUnencryptedQueueIsFlagged() =>
        Problems.AssertFound(Check("resource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n}\n"), "aws_sqs_queue.q: not encrypted");

    [Fact]
    public void AnUnencryptedTopicIsFlagged() =>
        Problems.AssertFound(Check("resource \"aws_sns_topic\" \"t\" {\n  name = \"t\"\n}\n"), "aws_sns_topic.t: not encrypted");

    [Fact]
    public void AnUnencryptedDeliveryStreamIsFlagged() =>
        Problems.AssertFound(Check("resource \"aws_kinesis_firehose_delivery_stream\" \"s\" {\n  name        = \"s\"\n  destination = \"extended_s3\"\n}\n"), "server_side_encryption is not enabled");

    [Fact]
    public void ALogGroupWithoutRetentionIsFlagged() =>
        Problems.AssertFound(Check("resource \"aws_cloudwatch_log_group\" \"g\" {\n  name = \"g\"\n}\n"), "no retention_in_days");
}
