using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Protocols;

/// <summary>
/// The Query protocol's one front door: parameters from the URL and the form body (read once, within the service's
/// limit; a malformed form is <c>MalformedQueryString</c>), <c>Action</c> mapped to its handler, the output written by
/// the service's XML writer with the request id, errors as <c>&lt;ErrorResponse&gt;</c> in the service's namespace. An
/// action the service does not serve is <c>InvalidAction</c>.
/// </summary>
public sealed class QueryProtocol(string signingName, string xmlNamespace, Func<string, object, string, byte[]> writeResponse)
{
    private readonly Dictionary<string, Func<QueryParameters, OperationCall, Task<object>>> _actions = new(StringComparer.Ordinal);

    /// <summary>The largest body the service takes; by default its limit in <see cref="ServiceRequestLimits"/>.</summary>
    public long MaxRequestBytes { get; init; } = ServiceRequestLimits.For(signingName);

    /// <summary>The code an error is written with (SQS writes its Query-era codes); by default the code itself.</summary>
    public Func<string, string> ErrorCode { get; init; } = code => code;

    /// <summary>Whether the error response names the service's namespace (SQS's and CloudWatch's do, SNS's does not).</summary>
    public bool NamespacedErrors { get; init; } = true;

    public QueryProtocol Add(string action, Func<QueryParameters, OperationCall, Task<object>> handler)
    {
        _actions.Add(action, handler);
        return this;
    }

    public QueryProtocol Add(string action, Func<QueryParameters, object> handler) =>
        Add(action, (p, _) => Task.FromResult(handler(p)));

    /// <summary>Runs an action on parameters already read; the handlers' rules and errors are the JSON protocol's.</summary>
    public Task<object> RunAsync(string action, QueryParameters parameters, OperationCall call) =>
        _actions.TryGetValue(action, out var handler)
            ? handler(parameters, call)
            : throw new AwsServiceException("InvalidAction", $"The action {action} is not valid for this endpoint.");

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = RequestIds.Of(context);
        try
        {
            var parameters = await ReadAsync(context).ConfigureAwait(false);
            var action = parameters.Action ?? throw new AwsServiceException("MissingAction", "The request must contain the parameter Action.");
            var output = await RunAsync(action, parameters, OperationCall.Of(context)).ConfigureAwait(false);
            var body = writeResponse(action, output, requestId);
            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/xml";
            RequestIds.Stamp(context, AwsProtocol.Query);
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            await AwsErrorWriter.WriteAsync(context, AwsProtocol.Query, ErrorCode(e.Code), e.Message, e.StatusCode, NamespacedErrors ? xmlNamespace : null).ConfigureAwait(false);
        }
    }

    /// <summary>The URL's parameters, then the body's (a form, or for CloudWatch's gzip'ed requests any urlencoded body).</summary>
    private async Task<QueryParameters> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
        {
            values[name] = value.ToString();
        }

        if (HttpMethods.IsPost(request.Method))
        {
            try
            {
                // Only a well-formed multipart form is read as one; any other body is taken as urlencoded.
                var multipart = request.HasFormContentType && request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
                var form = multipart
                    ? await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false)
                    : (IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>)QueryHelpers.ParseQuery(
                        Encoding.UTF8.GetString(await RequestBody.ReadAsync(context, MaxRequestBytes).ConfigureAwait(false)));
                foreach (var (name, value) in form)
                {
                    values[name] = value.ToString();
                }
            }
            // Kestrel's BadHttpRequestException (a body over the limit) is the router's RequestEntityTooLarge, not a malformed form.
            catch (Exception e) when (e is (InvalidDataException or IOException or InvalidOperationException) and not BadHttpRequestException && !context.RequestAborted.IsCancellationRequested)
            {
                throw new AwsServiceException("MalformedQueryString", $"The request body is not a valid form: {e.Message}");
            }
        }

        return new QueryParameters(values, $"{request.Scheme}://{request.Host}{request.Path}");
    }
}
