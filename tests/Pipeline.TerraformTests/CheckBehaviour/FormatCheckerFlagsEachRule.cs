using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

public sealed class FormatCheckerFlagsEachRule
{
    [Fact]
    public void AFormattedSnippetPasses() => Problems.AssertNone(FormatChecker.Check("ok.tf", """
        resource "aws_sqs_queue" "q" {
          name                    = "q"
          sqs_managed_sse_enabled = true

          redrive_policy = jsonencode({
            maxReceiveCount = 5
          })
        }

        """.Replace("\r", "")));

    [Fact]
    public void MisalignedEqualsSignsAreFlagged() => Problems.AssertFound(FormatChecker.Check("bad.tf", """
        resource "aws_sqs_queue" "q" {
          name = "q"
          sqs_managed_sse_enabled = true
        }

        """.Replace("\r", "")), "not aligned");

    [Fact]
    public void FourSpaceIndentationIsFlagged() => Problems.AssertFound(FormatChecker.Check("bad.tf", """
        locals {
            a = 1
        }

        """.Replace("\r", "")), "indented 4 spaces, expected 2");

    [Fact]
    public void TrailingWhitespaceIsFlagged() =>
        Problems.AssertFound(FormatChecker.Check("bad.tf", "locals {\n  a = 1 \n}\n"), "trailing whitespace");

    [Fact]
    public void AMissingFinalNewlineIsFlagged() =>
        Problems.AssertFound(FormatChecker.Check("bad.tf", "locals {\n  a = 1\n}"), "no newline at the end");

    [Fact]
    public void ATabIsFlagged() =>
        Problems.AssertFound(FormatChecker.Check("bad.tf", "locals {\n\ta = 1\n}\n"), "tab in the indentation");

    [Fact]
    public void AMultiLineAttributeGluedToSingleLineOnesIsFlagged() => Problems.AssertFound(FormatChecker.Check("bad.tf", """
        locals {
          a = 1
          b = {
            c = 2
          }
        }

        """.Replace("\r", "")), "put a blank line between them");

    [Fact]
    public void BracketsInsideStringsDoNotChangeTheIndentation() => Problems.AssertNone(FormatChecker.Check("ok.tf", """
        locals {
          a = "${join(",", ["{", "("])}"
          b = 1
        }

        """.Replace("\r", "")));
}
