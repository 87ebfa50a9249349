using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class NoSecretsOrAccountDetails
{
    [Fact]
    public void NoFileUnderTerraformHoldsCredentialsAccountIdsRegionsOrBucketNames()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Terraform, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}build{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}.terraform", StringComparison.Ordinal)
                && Path.GetExtension(f) is ".tf" or ".md" or ".py" or ".json" or ".tfvars")
            .Append(RepositoryPaths.Combine("build", "package-functions.sh"))
            .ToList();

        Assert.NotEmpty(files);
        Problems.AssertNone(files.SelectMany(f => SecretScanner.Check(Path.GetRelativePath(RepositoryPaths.Root, f), File.ReadAllText(f))));
    }
}
