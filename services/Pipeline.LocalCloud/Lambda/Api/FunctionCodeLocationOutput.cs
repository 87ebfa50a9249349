namespace Pipeline.LocalCloud.Lambda.Api;

/// <summary>Where the package can be downloaded; in AWS a presigned S3 URL, here a LocalCloud URL.</summary>
internal sealed record FunctionCodeLocationOutput(string RepositoryType, string Location);
