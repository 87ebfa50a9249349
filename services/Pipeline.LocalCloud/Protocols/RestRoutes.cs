using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Protocols;

/// <summary>
/// The REST protocols' operation table: each operation is an HTTP method and a path template, as the model's
/// <c>http</c> trait names it (<c>POST /2015-03-31/functions/{FunctionName}/invocations</c>); a <c>{label}</c> segment
/// matches any one segment and is handed to the handler in order. A request no route matches gets the service's
/// unknown-operation error.
/// </summary>
public sealed class RestRoutes(Func<HttpRequest, AwsServiceException> unknownOperation)
{
    private readonly List<(string Method, string[] Segments, Func<HttpContext, string[], Task> Handler)> _routes = [];

    public RestRoutes Add(string method, string template, Func<HttpContext, string[], Task> handler)
    {
        _routes.Add((method, template.Trim('/').Split('/'), handler));
        return this;
    }

    public Task DispatchAsync(HttpContext context)
    {
        var request = context.Request;
        var segments = (request.Path.Value ?? "").Trim('/').Split('/');
        foreach (var (method, template, handler) in _routes)
        {
            if (string.Equals(method, request.Method, StringComparison.OrdinalIgnoreCase) && Match(template, segments) is { } labels)
            {
                return handler(context, labels);
            }
        }

        throw unknownOperation(request);
    }

    private static string[]? Match(string[] template, string[] segments)
    {
        if (template.Length != segments.Length)
        {
            return null;
        }

        var labels = new List<string>();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i].StartsWith('{'))
            {
                if (segments[i].Length == 0)
                {
                    return null;
                }

                labels.Add(segments[i]);
            }
            else if (!string.Equals(template[i], segments[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return [.. labels];
    }
}
