namespace Pipeline.Contracts.Aws.S3;

public sealed record S3BucketEntity(string Name, S3UserIdentity? OwnerIdentity, string? Arn);
