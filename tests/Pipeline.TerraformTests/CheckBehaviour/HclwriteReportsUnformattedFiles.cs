using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

public sealed class HclwriteReportsUnformattedFiles
{
    [Fact]
    public void OnlyTheMisalignedFileIsReported()
    {
        var tree = HclParser.ParseSnippets(new Dictionary<string, string>
        {
            ["aligned.tf"] = "locals {\n  a   = 1\n  bcd = 2\n}\n",
            ["misaligned.tf"] = "locals {\n  a = 1\n  bcd = 2\n}\n",
        });

        Assert.True(tree.Files.Single(f => f.Path == "aligned.tf").Formatted);
        Assert.False(tree.Files.Single(f => f.Path == "misaligned.tf").Formatted);
    }
}
