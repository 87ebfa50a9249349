using System.Net;

namespace Pipeline.Aws;

/// <summary>
/// An error response from an AWS service (or a local stand-in): the service answered, and the answer was an error.
/// Transport failures stay <see cref="HttpRequestException"/>s; compare <see cref="ErrorCode"/> against
/// <see cref="AwsErrorCodes"/>.
/// </summary>
public sealed class AwsServiceException : Exception
{
    /// <summary>Creates the exception for an error response.</summary>
    public AwsServiceException(
        string service,
        string operation,
        string errorCode,
        string message,
        HttpStatusCode httpStatusCode,
        string? requestId = null,
        string? errorType = null)
        : base(message)
    {
        Service = service;
        Operation = operation;
        ErrorCode = errorCode;
        HttpStatusCode = httpStatusCode;
        RequestId = requestId;
        ErrorType = errorType;
    }

    /// <summary>The service id, e.g. <c>Firehose</c>.</summary>
    public string Service { get; }

    /// <summary>The operation that failed, e.g. <c>PutRecordBatch</c>.</summary>
    public string Operation { get; }

    /// <summary>The error code without namespace or suffix, e.g. <c>ResourceNotFoundException</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status of the error response.</summary>
    public HttpStatusCode HttpStatusCode { get; }

    /// <summary>The request id AWS assigned, for support cases and log correlation.</summary>
    public string? RequestId { get; }

    /// <summary><c>Sender</c> or <c>Receiver</c> when a Query-protocol service said whose fault it was; null otherwise.</summary>
    public string? ErrorType { get; }

    /// <summary>True for a throttling error (by code, or HTTP 429).</summary>
    public bool IsThrottling => AwsErrorCodes.IsThrottling(ErrorCode) || HttpStatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>True for an error on the service's side (HTTP 5xx).</summary>
    public bool IsServerError => (int)HttpStatusCode >= 500;

    /// <inheritdoc />
    public override string ToString()
    {
        // Logs print ToString(); the code and request id are what an operator searches for.
        var summary = $"{GetType().FullName}: {Service}.{Operation} failed with {ErrorCode} (HTTP {(int)HttpStatusCode}, request id {RequestId ?? "none"}): {Message}";
        return StackTrace is null ? summary : summary + Environment.NewLine + StackTrace;
    }
}
