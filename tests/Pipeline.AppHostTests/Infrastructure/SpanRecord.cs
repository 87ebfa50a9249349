namespace Pipeline.AppHostTests.Infrastructure;

/// <summary>One span as the dashboard's telemetry API returns it.</summary>
internal sealed record SpanRecord(
    string Service,
    string Name,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    IReadOnlyList<(string TraceId, string SpanId)> Links);
