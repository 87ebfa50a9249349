using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

public sealed class LeastPrivilegeCheckerFlagsDrift
{
    private static readonly Dictionary<string, string> Projects = new() { ["notifier"] = "Pipeline.Notifier" };

    private static readonly FunctionActions NotifierActions =
        new(new HashSet<string> { "sns:Publish", "s3:GetObject" }, new HashSet<string>());

    private static IReadOnlyList<string> Check(string statements) =>
        LeastPrivilegeChecker.Check(
            HclParser.ParseSnippets(new Dictionary<string, string>
            {
                ["env/main.tf"] = $$"""
                    module "notifier" {
                      source = "../modules/lambda-function"
                      name   = "${var.name_prefix}-notifier"

                      policy_statements = {{statements}}
                    }

                    """,
            }),
            Projects,
            _ => NotifierActions);

    [Fact]
    public void AnActionTheCodeDoesNotCallIsFlagged() => Problems.AssertFound(
        Check("""[{ sid = "a", actions = ["sns:Publish", "s3:GetObject", "s3:PutObject"], resources = ["x"] }]"""),
        "allows s3:PutObject");

    [Fact]
    public void AnActionTheCodeCallsButTheRoleLacksIsFlagged() => Problems.AssertFound(
        Check("""[{ sid = "a", actions = ["sns:Publish"], resources = ["x"] }]"""),
        "does not allow s3:GetObject");

    [Fact]
    public void StatementsBuiltByAnExpressionAreFlagged() => Problems.AssertFound(
        Check("local.statements"),
        "must be a literal list");

    [Fact]
    public void AFunctionWithoutAModuleIsFlagged() => Problems.AssertFound(
        LeastPrivilegeChecker.Check(HclParser.ParseSnippets(new Dictionary<string, string> { ["main.tf"] = "locals {\n  a = 1\n}\n" }), Projects, _ => NotifierActions),
        "no lambda-function module deploys notifier");

    [Fact]
    public void ExactlyTheListedActionsPass() => Problems.AssertNone(
        Check("""[{ sid = "a", actions = ["sns:Publish"], resources = ["x"] }, { sid = "b", actions = ["s3:GetObject"], resources = ["y"] }]"""));
}
