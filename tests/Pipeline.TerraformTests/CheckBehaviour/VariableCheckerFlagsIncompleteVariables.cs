using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

public sealed class VariableCheckerFlagsIncompleteVariables
{
    private static IReadOnlyList<string> Check(string hcl) =>
        VariableChecker.Check(HclParser.ParseSnippets(new Dictionary<string, string> { ["variables.tf"] = hcl }));

    [Fact]
    public void AMissingDescriptionIsFlagged() =>
        Problems.AssertFound(Check("variable \"a\" {\n  type = string\n}\n"), "no description");

    [Fact]
    public void AMissingTypeIsFlagged() =>
        Problems.AssertFound(Check("variable \"a\" {\n  description = \"a\"\n}\n"), "no type");

    [Fact]
    public void ANumberWithoutValidationIsFlagged() =>
        Problems.AssertFound(Check("variable \"a\" {\n  description = \"a\"\n  type        = number\n}\n"), "a number without a validation");

    [Fact]
    public void ASetOfValuesWithoutValidationIsFlagged() =>
        Problems.AssertFound(Check("variable \"a\" {\n  description = \"One of x, y.\"\n  type        = string\n}\n"), "a set of values");
}
