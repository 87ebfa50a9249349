using System.Text.Json.Nodes;
using Pipeline.TerraformTests.Checks;

namespace Pipeline.TerraformTests.Support;

/// <summary>
/// The hashicorp/aws provider schema, derived once per test run by tests/terraform-checks/provider-schema.mjs from
/// the locked npm package @cdktf/provider-aws (generated from the provider's own schema).
/// </summary>
public static class AwsProviderSchema
{
    private static readonly Lazy<ProviderSchema> Schema =
        new(() => new ProviderSchema(JsonNode.Parse(NodeScript.Run("provider-schema.mjs"))!.AsObject()));

    public static ProviderSchema Instance => Schema.Value;
}
