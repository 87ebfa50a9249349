namespace Pipeline.IntegrationTests.LocalCloud.S3.Support;

/// <summary>A fact that needs the AWS CLI: skipped with the reason where it is missing, except in CI where it fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AwsCliFactAttribute : FactAttribute
{
    public AwsCliFactAttribute()
    {
        if (ExternalTools.AwsMissingReason is { } reason && !ExternalTools.IsCi)
        {
            Skip = reason;
        }
    }
}
