namespace Pipeline.Contracts.Aws.S3;

public sealed record S3RequestParameters(string? SourceIPAddress);
