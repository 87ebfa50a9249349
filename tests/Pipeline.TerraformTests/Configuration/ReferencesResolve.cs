using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class ReferencesResolve
{
    [Fact]
    public void EveryReferenceModuleInputAndOutputResolves() =>
        Problems.AssertNone(ReferenceChecker.Check(HclParser.RepositoryTree));
}
