using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class ResourcesMatchTheProviderSchema
{
    [Fact]
    public void EveryTypeArgumentAndBlockExistsAndRequiredOnesArePresent() =>
        Problems.AssertNone(SchemaChecker.Check(HclParser.RepositoryTree, AwsProviderSchema.Instance));
}
