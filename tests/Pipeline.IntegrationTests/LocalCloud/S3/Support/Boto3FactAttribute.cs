namespace Pipeline.IntegrationTests.LocalCloud.S3.Support;

/// <summary>A fact that needs python3 with boto3: skipped with the reason where missing, except in CI where it fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class Boto3FactAttribute : FactAttribute
{
    public Boto3FactAttribute()
    {
        if (ExternalTools.Boto3MissingReason is { } reason && !ExternalTools.IsCi)
        {
            Skip = reason;
        }
    }
}
