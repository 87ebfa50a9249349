using System.Net;

namespace Pipeline.Aws.Core;

/// <summary>A successful AWS response, read whole.</summary>
/// <param name="StatusCode">The HTTP status (2xx).</param>
/// <param name="RequestId">The request id from <c>x-amzn-RequestId</c> or <c>x-amz-request-id</c>.</param>
/// <param name="Body">The response body.</param>
/// <param name="FunctionError">Lambda's <c>X-Amz-Function-Error</c> header: the function, not the service, failed.</param>
public sealed record AwsResponse(HttpStatusCode StatusCode, string? RequestId, byte[] Body, string? FunctionError = null);
