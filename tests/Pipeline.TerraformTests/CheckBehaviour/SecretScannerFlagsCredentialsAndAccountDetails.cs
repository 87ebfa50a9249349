using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

public sealed class SecretScannerFlagsCredentialsAndAccountDetails
{
    [Theory]
    [InlineData("  access_key = \"AKIAABCDEFGHIJKLMNOP\"", "an AWS access key id")]
    [InlineData("  db_password = \"hunter2hunter2\"", "a secret assigned a literal value")]
    [InlineData("  principal = \"arn:aws:iam::123456789012:root\"", "a 12-digit number")]
    [InlineData("  region = \"eu-west-1\"", "a region name")]
    [InlineData("  path = \"s3://my-company-bucket/raw/\"", "a bucket name written out")]
    public void EachKindIsFlagged(string line, string problem) =>
        Problems.AssertFound(SecretScanner.Check("main.tf", line), problem);

    [Fact]
    public void ReferencesPass() => Problems.AssertNone(SecretScanner.Check("main.tf", """
          path      = "s3://${var.bucket_name}/raw/"
          principal = data.aws_caller_identity.current.account_id
          password  = "${var.password}"
        """));

    [Fact]
    public void ThePlaceholderBucketPasses() =>
        Problems.AssertNone(SecretScanner.Check("glue/pipeline_etl.py", "raise ValueError(\"must be an s3://bucket/prefix/ URI\")"));

    [Fact]
    public void TestsMayNameMadeUpBucketsButNotCredentials()
    {
        Problems.AssertNone(SecretScanner.Check("terraform/glue/tests/test_job.py", "path = \"s3://pipeline-test-data-lake/stage/\""));
        Problems.AssertFound(SecretScanner.Check("terraform/glue/tests/test_job.py", "key = \"AKIAABCDEFGHIJKLMNOP\""), "an AWS access key id");
    }
}
