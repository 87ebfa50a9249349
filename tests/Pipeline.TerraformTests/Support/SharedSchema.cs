using Pipeline.TerraformTests.Checks;

namespace Pipeline.TerraformTests.Support;

/// <summary>The reference provider schema, loaded once per test run (1.3 MB).</summary>
public static class SharedSchema
{
    private static readonly Lazy<ProviderSchema> Schema = new(() => ProviderSchema.Load(RepositoryPaths.ProviderSchema));

    public static ProviderSchema Instance => Schema.Value;
}
