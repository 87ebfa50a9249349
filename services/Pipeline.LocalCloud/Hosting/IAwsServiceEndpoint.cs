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

/// <summary>The AWS wire protocols, which decide how a request is read and how an error is written.</summary>
public enum AwsProtocol
{
    /// <summary><c>awsJson1_0</c> / <c>awsJson1_1</c>: POST /, X-Amz-Target, <c>{"__type","message"}</c> errors.</summary>
    Json,

    /// <summary><c>restJson1</c> (Lambda): operations by path, <c>X-Amzn-ErrorType</c> and a JSON body for errors.</summary>
    RestJson,

    /// <summary><c>restXml</c> (S3): <c>&lt;Error&gt;&lt;Code&gt;…</c>.</summary>
    RestXml,

    /// <summary><c>awsQuery</c> (SNS, older SQS): form-encoded Action, <c>&lt;ErrorResponse&gt;</c>.</summary>
    Query,
}
