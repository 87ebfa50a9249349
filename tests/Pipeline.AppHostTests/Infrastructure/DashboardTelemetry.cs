using System.Text.Json;

namespace Pipeline.AppHostTests.Infrastructure;

/// <summary>
/// The dashboard's own telemetry API (<c>GET /api/telemetry/spans</c>, OTLP JSON), which answers when the dashboard
/// runs unsecured, as it does locally.
/// </summary>
internal static class DashboardTelemetry
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<IReadOnlyList<SpanRecord>> SpansAsync(Uri dashboard, string? resource = null)
    {
        var query = "/api/telemetry/spans?limit=100000" + (resource is null ? "" : "&resource=" + Uri.EscapeDataString(resource));
        using var document = JsonDocument.Parse(await Http.GetStringAsync(new Uri(dashboard, query)));
        var spans = new List<SpanRecord>();
        foreach (var resourceSpans in document.RootElement.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var service = ServiceName(resourceSpans.GetProperty("resource"));
            foreach (var scope in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
            {
                foreach (var span in scope.GetProperty("spans").EnumerateArray())
                {
                    spans.Add(new SpanRecord(
                        service,
                        span.GetProperty("name").GetString()!,
                        span.GetProperty("traceId").GetString()!,
                        span.GetProperty("spanId").GetString()!,
                        span.TryGetProperty("parentSpanId", out var parent) ? parent.GetString() : null,
                        span.TryGetProperty("links", out var links)
                            ? [.. links.EnumerateArray().Select(l => (l.GetProperty("traceId").GetString()!, l.GetProperty("spanId").GetString()!))]
                            : []));
                }
            }
        }

        return spans;
    }

    private static string ServiceName(JsonElement resource)
    {
        foreach (var attribute in resource.GetProperty("attributes").EnumerateArray())
        {
            if (attribute.GetProperty("key").GetString() == "service.name")
            {
                return attribute.GetProperty("value").GetProperty("stringValue").GetString()!;
            }
        }

        return "";
    }
}
