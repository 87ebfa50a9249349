namespace Pipeline.AppHost.Deployment;

public sealed record StreamDeployment(string Dataset, string StreamName, string RawPrefix, string ErrorPrefix);
