namespace Pipeline.IntegrationTests.LocalCloud.Cli;

/// <summary>A fact that drives LocalCloud with the AWS CLI: skipped, with the reason, without the CLI; failing in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AwsCliFactAttribute : FactAttribute
{
    public AwsCliFactAttribute()
    {
        if (AwsCliLocator.MissingReason is { } reason && !AwsCliLocator.IsCi)
        {
            Skip = reason;
        }
    }
}
