using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

public sealed class HclParserReportsMalformedFiles
{
    [Fact]
    public void AnAttributeWithoutValueIsAParseError()
    {
        var tree = HclParser.ParseSnippets(new Dictionary<string, string>
        {
            ["good.tf"] = "locals {\n  a = 1\n}\n",
            ["bad.tf"] = "resource \"aws_sqs_queue\" \"q\" {\n  name =\n}\n",
        });

        Assert.Null(tree.Files.Single(f => f.Path == "good.tf").Error);
        Assert.Contains("Invalid expression", tree.Files.Single(f => f.Path == "bad.tf").Error);
    }
}
