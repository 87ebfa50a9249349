namespace Pipeline.LocalCloud.Hosting;

/// <summary>An error to answer in AWS's shape: the code and HTTP status AWS uses for the same mistake.</summary>
public sealed class AwsServiceException(string code, string message, int statusCode = 400) : Exception(message)
{
    public string Code { get; } = code;

    public int StatusCode { get; } = statusCode;
}
