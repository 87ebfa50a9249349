using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class FunctionRolesAllowExactlyWhatTheirCodeCalls
{
    [Fact]
    public void EachRoleEqualsItsFunctionsActionList() =>
        Problems.AssertNone(LeastPrivilegeChecker.Check(
            HclParser.RepositoryTree,
            FunctionProjects.ByFunction,
            project => FunctionActions.Load(FunctionProjects.ActionsFile(project))));

    [Fact]
    public void EveryFunctionKeepsItsActionListNextToItsCode()
    {
        var missing = FunctionProjects.ByFunction.Values
            .Where(project => !File.Exists(FunctionProjects.ActionsFile(project)))
            .Select(project => $"services/{project}/aws-actions.json is missing");

        Problems.AssertNone(missing);
    }
}
