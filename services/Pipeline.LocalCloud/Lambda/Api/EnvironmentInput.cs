namespace Pipeline.LocalCloud.Lambda.Api;

internal sealed class EnvironmentInput
{
    public Dictionary<string, string>? Variables { get; set; }
}
