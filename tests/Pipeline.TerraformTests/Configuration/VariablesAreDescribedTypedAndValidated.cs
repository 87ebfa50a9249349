using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class VariablesAreDescribedTypedAndValidated
{
    [Fact]
    public void EveryVariableHasDescriptionTypeAndValidationWhereAwsHasLimits() =>
        Problems.AssertNone(VariableChecker.Check(HclParser.RepositoryTree));
}
