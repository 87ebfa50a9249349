namespace Pipeline.Aws.Core;

/// <summary>The output of operations that answer <c>{}</c>; register it in each service's JSON context.</summary>
public sealed record AwsEmptyResponse;
