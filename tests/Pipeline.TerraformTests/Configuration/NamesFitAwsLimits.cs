using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class NamesFitAwsLimits
{
    [Fact]
    public void EveryNamedResourceRefusesANameAwsWouldRefuse() =>
        Problems.AssertNone(NameLengthChecker.Check(HclParser.RepositoryTree));
}
