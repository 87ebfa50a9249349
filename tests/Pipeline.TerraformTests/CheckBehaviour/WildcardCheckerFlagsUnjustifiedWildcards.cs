using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

public sealed class WildcardCheckerFlagsUnjustifiedWildcards
{
    private static IReadOnlyList<string> Check(string statement) =>
        WildcardChecker.Check(HclParser.ParseSnippets(new Dictionary<string, string>
        {
            ["main.tf"] = $"data \"aws_iam_policy_document\" \"d\" {{\n  statement {{\n{statement}  }}\n}}\n",
        }));

    [Fact]
    public void TheStarActionIsFlagged() =>
        Problems.AssertFound(Check("    actions   = [\"*\"]\n    resources = [\"arn:x\"]\n"), "allows the \"*\" action");

    [Fact]
    public void AServiceWideActionInAnAllowIsFlagged() =>
        Problems.AssertFound(Check("    actions   = [\"s3:*\"]\n    resources = [\"arn:x\"]\n"), "every action of a service (s3:*)");

    [Fact]
    public void AStarResourceWithoutACommentIsFlagged() =>
        Problems.AssertFound(Check("    actions   = [\"cloudwatch:PutMetricData\"]\n    resources = [\"*\"]\n"), "\"*\" resource without a comment");

    [Fact]
    public void AStarResourceWithItsReasonPasses() =>
        Problems.AssertNone(Check("    actions = [\"cloudwatch:PutMetricData\"]\n\n    # Metrics have no resource-level permissions.\n    resources = [\"*\"]\n"));
}
