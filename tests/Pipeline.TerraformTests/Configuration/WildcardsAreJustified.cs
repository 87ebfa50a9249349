using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class WildcardsAreJustified
{
    [Fact]
    public void NoStarActionAndEveryStarResourceIsExplained() =>
        Problems.AssertNone(WildcardChecker.Check(HclParser.RepositoryTree));
}
