using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class SecurityRulesHold
{
    [Fact]
    public void BucketsQueuesTopicsStreamsAndLogGroupsAreProtected() =>
        Problems.AssertNone(SecurityChecker.Check(HclParser.RepositoryTree));
}
