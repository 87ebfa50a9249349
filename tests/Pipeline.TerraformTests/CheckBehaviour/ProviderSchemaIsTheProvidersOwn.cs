using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

/// <summary>The schema the checks use is hashicorp/aws 6.25.0's, with arguments, required flags and nested blocks.</summary>
public sealed class ProviderSchemaIsTheProvidersOwn
{
    [Fact]
    public void ItIsTheLockedProviderVersion() => Assert.Equal("6.25.0", AwsProviderSchema.Instance.Version);

    [Fact]
    public void ItKnowsTheArgumentsAndWhichAreRequired()
    {
        var job = AwsProviderSchema.Instance.Resource("aws_glue_job")!;

        Assert.True(job["name"]!["required"]!.GetValue<bool>());
        Assert.False(job["job_run_queuing_enabled"]!["required"]!.GetValue<bool>());
        Assert.Null(job["no_such_argument"]);
    }

    [Fact]
    public void ItKnowsNestedBlocksAndTheirNesting()
    {
        var command = AwsProviderSchema.Instance.Resource("aws_glue_job")!["command"]!;
        var rule = AwsProviderSchema.Instance.Resource("aws_s3_bucket_lifecycle_configuration")!["rule"]!;

        Assert.Equal("single", command["nesting"]!.GetValue<string>());
        Assert.True(command["block"]!["script_location"]!["required"]!.GetValue<bool>());
        Assert.Equal("list", rule["nesting"]!.GetValue<string>());
        Assert.NotNull(rule["block"]!["expiration"]!["block"]!["days"]);
    }

    [Fact]
    public void ItKnowsDataSources() =>
        Assert.NotNull(AwsProviderSchema.Instance.DataSource("aws_iam_policy_document")!["statement"]!["block"]!["condition"]);
}
