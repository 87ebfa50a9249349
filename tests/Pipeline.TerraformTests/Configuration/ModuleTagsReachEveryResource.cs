using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class ModuleTagsReachEveryResource
{
    [Fact]
    public void EveryTaggableResourceOfAModuleCarriesItsTagsInput() =>
        Problems.AssertNone(TagChecker.Check(HclParser.RepositoryTree, AwsProviderSchema.Instance));
}
