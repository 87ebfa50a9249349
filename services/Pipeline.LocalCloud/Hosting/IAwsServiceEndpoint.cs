using Microsoft.AspNetCore.Http;

namespace Pipeline.LocalCloud.Hosting;

/// <summary>
/// One AWS service served by LocalCloud. The router picks it by the signing name in the request's SigV4 credential
/// scope, and turns an <see cref="AwsServiceException"/> it throws into the error shape of its <see cref="Protocol"/>.
/// </summary>
public interface IAwsServiceEndpoint
{
    /// <summary>SigV4 signing name: <c>s3</c>, <c>firehose</c>, <c>lambda</c>, <c>sqs</c>, …</summary>
    string SigningName { get; }

    AwsProtocol Protocol { get; }

    Task HandleAsync(HttpContext context);
}
