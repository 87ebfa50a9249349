using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

/// <summary>
/// What a team applying the environment needs besides the configuration: a committed lock file pinning the provider
/// version the checks' schema comes from, and an example of remote state (the example is parsed as the backend.tf a
/// team copies it to).
/// </summary>
public sealed partial class TheEnvironmentPinsItsProviderAndKeepsItsStateRemotely
{
    private static readonly string Environment = Path.Combine(RepositoryPaths.Terraform, "environments", "dev");

    [GeneratedRegex(""""provider "registry\.terraform\.io/hashicorp/aws" \{\s*version\s*=\s*"(?<version>[^"]+)"""")]
    private static partial Regex LockedAws();

    [Fact]
    public void TheLockFilePinsTheSchemasProviderVersion()
    {
        var path = Path.Combine(Environment, ".terraform.lock.hcl");
        Assert.True(File.Exists(path), "terraform/environments/dev/.terraform.lock.hcl is missing");

        var locked = LockedAws().Match(File.ReadAllText(path));

        Assert.True(locked.Success, ".terraform.lock.hcl has no hashicorp/aws entry");
        Assert.Equal(AwsProviderSchema.Instance.Version, locked.Groups["version"].Value);
    }

    [Fact]
    public void TheBackendExampleIsAnS3BackendWithLockingAndNoBucketWrittenOut()
    {
        var text = File.ReadAllText(Path.Combine(Environment, "backend.tf.example"));
        var parsed = HclParser.ParseSnippets(new Dictionary<string, string> { ["backend.tf"] = text });

        var file = Assert.Single(parsed.Files);
        Assert.Null(file.Error);
        Assert.True(file.Formatted, "backend.tf.example: terraform fmt would change it");
        var backend = file.Json!["terraform"]?[0]?["backend"]?["s3"]?[0] as JsonObject;
        Assert.NotNull(backend);
        Assert.True(JsonValues.IsTrue(backend["encrypt"]), "the example does not encrypt the state");
        Assert.True(JsonValues.IsTrue(backend["use_lockfile"]), "the example does not lock the state");
        Assert.False(backend.ContainsKey("bucket"), "the state bucket is passed at init, not written out");
        Problems.AssertNone(SecretScanner.Check("terraform/environments/dev/backend.tf.example", text));
    }
}
