using Microsoft.AspNetCore.Http;

namespace Pipeline.LocalCloud.Protocols;

/// <summary>One request id per request, shared by the response headers, errors and logs.</summary>
public static class RequestIds
{
    private const string Key = "LocalCloud.RequestId";

    public static string Of(HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var id) && id is string existing)
        {
            return existing;
        }

        var created = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        context.Items[Key] = created;
        return created;
    }
}
