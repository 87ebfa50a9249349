using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class TerraformFilesFollowFmtStyle
{
    [Fact]
    public void EveryFileFollowsTheStyleRules() =>
        Problems.AssertNone(HclParser.RepositoryTree.Files.SelectMany(f => FormatChecker.Check(f.Path, f.Text)));

    [Fact]
    public void HclwriteLeavesEveryFileUnchanged() =>
        Problems.AssertNone(HclParser.RepositoryTree.Files
            .Where(f => !f.Formatted)
            .Select(f => $"{f.Path}: terraform fmt would change it"));
}
