using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

public sealed class ReferenceCheckerFlagsDanglingReferences
{
    private const string Child = """
        variable "name" {
          description = "n"
          type        = string
        }

        variable "size" {
          description = "s"
          type        = number
          default     = 1
        }

        output "arn" {
          description = "a"
          value       = var.name
        }

        """;

    private static IReadOnlyList<string> Check(string root) =>
        ReferenceChecker.Check(HclParser.ParseSnippets(new Dictionary<string, string>
        {
            ["env/main.tf"] = root,
            ["modules/child/main.tf"] = Child,
        }));

    [Fact]
    public void AnUndeclaredVariableIsFlagged() =>
        Problems.AssertFound(Check("resource \"aws_sqs_queue\" \"q\" {\n  name = var.missing\n}\n"), "var.missing is not declared");

    [Fact]
    public void AnUndefinedLocalIsFlagged() =>
        Problems.AssertFound(Check("resource \"aws_sqs_queue\" \"q\" {\n  name = local.missing\n}\n"), "local.missing is not defined");

    [Fact]
    public void AnUndeclaredResourceIsFlagged() =>
        Problems.AssertFound(Check("resource \"aws_sqs_queue\" \"q\" {\n  name = aws_sns_topic.t.name\n}\n"), "aws_sns_topic.t is not declared");

    [Fact]
    public void EachWithoutForEachIsFlagged() =>
        Problems.AssertFound(Check("resource \"aws_sqs_queue\" \"q\" {\n  name = each.key\n}\n"), "each. is used without for_each");

    [Fact]
    public void AMissingModuleOutputIsFlagged() => Problems.AssertFound(
        Check("module \"c\" {\n  source = \"../modules/child\"\n  name   = \"x\"\n}\n\nlocals {\n  a = module.c.nope\n}\n"),
        "module.c has no output nope");

    [Fact]
    public void AnUndeclaredModuleInputIsFlagged() => Problems.AssertFound(
        Check("module \"c\" {\n  source = \"../modules/child\"\n  name   = \"x\"\n  colour = \"red\"\n}\n"),
        "passes \"colour\"");

    [Fact]
    public void AMissingRequiredModuleInputIsFlagged() => Problems.AssertFound(
        Check("module \"c\" {\n  source = \"../modules/child\"\n  size   = 2\n}\n"),
        "the required input \"name\"");

    [Fact]
    public void ResolvingReferencesPass() => Problems.AssertNone(
        Check("module \"c\" {\n  source = \"../modules/child\"\n  name   = \"x\"\n}\n\nlocals {\n  a = module.c.arn\n}\n"));
}
