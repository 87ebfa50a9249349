using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

public sealed class ProcessorParameterCheckerFlagsWrittenOutDefaults
{
    private static IReadOnlyList<string> Check(string parameters) => ProcessorParameterChecker.Check(HclParser.ParseSnippets(new Dictionary<string, string>
    {
        ["main.tf"] = $$"""
            resource "aws_kinesis_firehose_delivery_stream" "s" {
              name        = "s"
              destination = "extended_s3"

              extended_s3_configuration {
                role_arn   = "r"
                bucket_arn = "b"

                processing_configuration {
                  enabled = true

                  processors {
                    type = "Lambda"

            {{parameters}}
                  }
                }
              }
            }

            """.Replace("\r", ""),
    }));

    [Fact]
    public void ALiteralBufferSizeIsFlagged() => Problems.AssertFound(Check("""
                    parameters {
                      parameter_name  = "BufferSizeInMBs"
                      parameter_value = "1"
                    }
        """), "processor parameter BufferSizeInMBs is written out");

    [Fact]
    public void TheFunctionArnAndGeneratedParametersPass() => Problems.AssertNone(Check("""
                    parameters {
                      parameter_name  = "LambdaArn"
                      parameter_value = "f"
                    }

                    dynamic "parameters" {
                      for_each = local.non_default

                      content {
                        parameter_name  = parameters.key
                        parameter_value = parameters.value
                      }
                    }
        """));
}
