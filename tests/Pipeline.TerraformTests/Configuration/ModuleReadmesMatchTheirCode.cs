using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class ModuleReadmesMatchTheirCode
{
    [Fact]
    public void InputsAndOutputsTablesListExactlyTheDeclaredOnes()
    {
        var tree = HclParser.RepositoryTree;
        var problems = new List<string>();
        foreach (var module in tree.Modules.Values)
        {
            var readme = Path.Combine(tree.Root, module.Folder, "README.md");
            if (!File.Exists(readme))
            {
                problems.Add($"terraform/{module.Folder}/README.md is missing");
                continue;
            }

            problems.AddRange(ReadmeChecker.Check($"terraform/{module.Folder}/README.md", File.ReadAllText(readme), module));
        }

        Problems.AssertNone(problems);
    }
}
