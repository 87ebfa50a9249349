namespace Pipeline.Provisioning;

public sealed record StreamDeployment(string Dataset, string StreamName, string RawPrefix, string ErrorPrefix);
