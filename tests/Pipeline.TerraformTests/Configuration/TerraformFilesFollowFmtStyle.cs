using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class TerraformFilesFollowFmtStyle
{
    [Fact]
    public void EveryFileIsFormatted() =>
        Problems.AssertNone(HclParser.RepositoryTree.Files.SelectMany(f => FormatChecker.Check(f.Path, f.Text)));
}
