using System.Net;

namespace Pipeline.LambdaRuntime;

/// <summary>
/// The Runtime API failed in a way the runtime must not survive: a 5xx (Lambda's "container error, non-recoverable
/// state"), an unexpected answer to <c>/next</c>, a broken protocol, or no connection at all.
/// </summary>
public sealed class LambdaRuntimeApiException : Exception
{
    /// <summary>A failure of the Runtime API, with the status it answered, if it answered.</summary>
    public LambdaRuntimeApiException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The status the Runtime API answered with; null when there was no answer.</summary>
    public HttpStatusCode? StatusCode { get; }
}
