using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed partial class EnvironmentReadsTheDatasetDescription
{
    [GeneratedRegex("""jsondecode\(file\("\$\{path\.module\}/(?<path>[^"]+)"\)\)""")]
    private static partial Regex DatasetsFile();

    [Fact]
    public void TheEnvironmentDecodesTheDatasetsJsonTheAppHostReads()
    {
        var environment = HclParser.RepositoryTree.Modules["environments/dev"];
        var decoded = environment.Locals.Values
            .SelectMany(JsonValues.Strings)
            .Select(s => DatasetsFile().Match(s))
            .FirstOrDefault(m => m.Success);

        Assert.NotNull(decoded);
        var path = Path.GetFullPath(Path.Combine(RepositoryPaths.Terraform, "environments", "dev", decoded.Groups["path"].Value));
        Assert.Equal(Path.GetFullPath(RepositoryPaths.Combine("datasets.json")), path);
    }

    [Fact]
    public void TheDeploymentSettingsTheEnvironmentUsesExist()
    {
        var deployment = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("datasets.json")))!["deployment"]!;
        var environment = HclParser.RepositoryTree.Modules["environments/dev"];
        var used = environment.Blocks.SelectMany(b => JsonValues.Strings(b.Body))
            .SelectMany(s => SettingReference().Matches(s).Select(m => (m.Groups["kind"].Value, m.Groups["name"].Value)))
            .Distinct()
            .ToList();

        Assert.NotEmpty(used);
        Problems.AssertNone(used
            .Where(u => (u.Item1 == "settings" ? deployment["environments"]!["aws"]![u.Item2] : deployment[u.Item2]) is null)
            .Select(u => $"local.{u.Item1}.{u.Item2} is not in datasets.json"));
    }

    [GeneratedRegex("""local\.(?<kind>deployment|settings)\.(?<name>\w+)""")]
    private static partial Regex SettingReference();
}
