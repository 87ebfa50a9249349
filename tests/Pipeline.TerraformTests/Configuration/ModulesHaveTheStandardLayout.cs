using System.Text.RegularExpressions;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed partial class ModulesHaveTheStandardLayout
{
    [GeneratedRegex(@"version\s*=\s*""~>\s*(?<major>\d+)\.(?<minor>\d+)")]
    private static partial Regex PessimisticVersion();

    [Fact]
    public void EveryModuleHasMainVariablesOutputsVersionsAndReadme()
    {
        var modules = Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Terraform, "modules")).ToList();

        Assert.NotEmpty(modules);
        Problems.AssertNone(
            from module in modules
            from file in new[] { "main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md" }
            where !File.Exists(Path.Combine(module, file))
            select $"terraform/modules/{Path.GetFileName(module)}/{file} is missing");
    }

    [Fact]
    public void TheEnvironmentPinsTheProviderLineOfTheReferenceSchema()
    {
        var versions = File.ReadAllText(Path.Combine(RepositoryPaths.Terraform, "environments", "dev", "versions.tf"));
        var schemaVersion = AwsProviderSchema.Instance.Version.Split('.');

        var pin = PessimisticVersion().Match(versions);

        Assert.True(pin.Success, "environments/dev/versions.tf pins hashicorp/aws with ~> MAJOR.MINOR");
        Assert.Equal(schemaVersion[0], pin.Groups["major"].Value);
        Assert.True(int.Parse(pin.Groups["minor"].Value) <= int.Parse(schemaVersion[1]), "the pin allows the schema's version");
    }
}
