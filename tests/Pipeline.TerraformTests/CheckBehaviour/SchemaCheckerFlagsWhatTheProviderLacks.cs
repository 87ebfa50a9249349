using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

public sealed class SchemaCheckerFlagsWhatTheProviderLacks
{
    private static IReadOnlyList<string> Check(string hcl) =>
        SchemaChecker.Check(HclParser.ParseSnippets(new Dictionary<string, string> { ["main.tf"] = hcl }), AwsProviderSchema.Instance);

    [Fact]
    public void AnUnknownResourceTypeIsFlagged() =>
        Problems.AssertFound(Check("resource \"aws_s3_bukket\" \"b\" {\n  bucket = \"x\"\n}\n"), "no resource type aws_s3_bukket");

    [Fact]
    public void AnUnknownArgumentIsFlagged() =>
        Problems.AssertFound(Check("resource \"aws_sqs_queue\" \"q\" {\n  name       = \"q\"\n  encryption = true\n}\n"), "unsupported argument or block \"encryption\"");

    [Fact]
    public void AMissingRequiredArgumentIsFlagged() =>
        Problems.AssertFound(Check("resource \"aws_glue_crawler\" \"c\" {\n  name = \"c\"\n  role = \"r\"\n}\n"), "required argument \"database_name\"");

    [Fact]
    public void AnUnknownNestedBlockArgumentIsFlagged() => Problems.AssertFound(Check("""
        resource "aws_s3_bucket_versioning" "v" {
          bucket = "b"

          versioning_configuration {
            status  = "Enabled"
            enabled = true
          }
        }

        """.Replace("\r", "")), "versioning_configuration: unsupported argument or block \"enabled\"");

    [Fact]
    public void AnUnknownDynamicBlockIsFlagged() => Problems.AssertFound(Check("""
        data "aws_iam_policy_document" "d" {
          dynamic "statment" {
            for_each = []

            content {
              actions = ["s3:GetObject"]
            }
          }
        }

        """.Replace("\r", "")), "dynamic \"statment\" is not a nested block");

    [Fact]
    public void AValidResourcePasses() =>
        Problems.AssertNone(Check("resource \"aws_sqs_queue\" \"q\" {\n  name                    = \"q\"\n  sqs_managed_sse_enabled = true\n}\n"));
}
