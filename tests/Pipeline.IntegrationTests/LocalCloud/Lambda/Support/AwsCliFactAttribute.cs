namespace Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

/// <summary>A fact that drives the AWS CLI (and a python3 test function); skipped with the reason when either is missing, except in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AwsCliFactAttribute : FactAttribute
{
    public AwsCliFactAttribute()
    {
        if ((Tools.AwsCliMissing ?? Tools.PythonMissing) is { } reason && !Tools.IsCi)
        {
            Skip = reason;
        }
    }
}
