using System.Net;
using System.Net.Http.Headers;

namespace Pipeline.Aws.Core;

/// <summary>A non-2xx AWS response, for a protocol's error parser to turn into an <see cref="AwsServiceException"/>.</summary>
/// <param name="Service">The service called.</param>
/// <param name="Operation">The operation called.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Headers">The response headers.</param>
/// <param name="RequestId">The request id header's value, if any.</param>
/// <param name="Body">The response body.</param>
public sealed record AwsErrorResponse(
    AwsServiceDescriptor Service,
    string Operation,
    HttpStatusCode StatusCode,
    HttpResponseHeaders Headers,
    string? RequestId,
    byte[] Body)
{
    /// <summary>The first value of header <paramref name="name"/>, or null.</summary>
    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>The code to use when the body names none: the HTTP status's name, e.g. <c>ServiceUnavailable</c>.</summary>
    public string FallbackCode => Enum.IsDefined(StatusCode) ? StatusCode.ToString() : "Http" + ((int)StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The message to use when the body carries none.</summary>
    public string FallbackMessage => $"{Service.ServiceId} {Operation} answered HTTP {(int)StatusCode} without an error message.";
}
