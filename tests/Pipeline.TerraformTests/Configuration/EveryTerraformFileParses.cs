using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class EveryTerraformFileParses
{
    [Fact]
    public void HclParserAcceptsEveryFile()
    {
        var tree = HclParser.RepositoryTree;

        Assert.NotEmpty(tree.Files);
        Problems.AssertNone(tree.Files.Where(f => f.Error is not null).Select(f => $"{f.Path}: {f.Error}"));
    }

    [Fact]
    public void TheEnvironmentAndEveryModuleAreThere()
    {
        var folders = HclParser.RepositoryTree.Modules.Keys.ToHashSet();

        string[] expected =
        [
            "environments/dev", "modules/storage", "modules/lambda-function", "modules/ingestion", "modules/catalog",
            "modules/orchestration", "modules/etl", "modules/analytics", "modules/notifications", "modules/observability",
            "modules/quicksight",
        ];
        Problems.AssertNone(expected.Where(e => !folders.Contains(e)).Select(e => $"terraform/{e} is missing"));
    }
}
