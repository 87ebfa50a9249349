using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pipeline.UnitTests.Generator.Fakes;

/// <summary>
/// Firehose's JSON 1.1 PutRecordBatch on 127.0.0.1 (Kestrel, a free port): accepts every record, decodes it, and
/// notes when each call arrived, so a test can see the rate a real client achieved over the wire.
/// </summary>
internal sealed class StubFirehoseEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(DateTimeOffset At, string Stream, IReadOnlyList<byte[]> Records)> _calls = new();
    private long _recordIds;

    private StubFirehoseEndpoint(WebApplication app)
    {
        _app = app;
        _app.Run(HandleAsync);
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<(DateTimeOffset At, string Stream, IReadOnlyList<byte[]> Records)> Calls => [.. _calls];

    public static async Task<StubFirehoseEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var stub = new StubFirehoseEndpoint(builder.Build());
        await stub._app.StartAsync();
        stub.Url = new Uri(stub._app.Urls.Single());
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        if (target != "Firehose_20150804.PutRecordBatch")
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"{{\"__type\":\"UnknownOperationException\",\"message\":\"{target}\"}}");
            return;
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var stream = body.RootElement.GetProperty("DeliveryStreamName").GetString()!;
        var records = body.RootElement.GetProperty("Records").EnumerateArray()
            .Select(r => r.GetProperty("Data").GetBytesFromBase64())
            .ToList();
        _calls.Enqueue((DateTimeOffset.UtcNow, stream, records));

        context.Response.ContentType = "application/x-amz-json-1.1";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteNumber("FailedPutCount", 0);
        writer.WriteBoolean("Encrypted", false);
        writer.WriteStartArray("RequestResponses");
        foreach (var _ in records)
        {
            writer.WriteStartObject();
            writer.WriteString("RecordId", $"stub-{Interlocked.Increment(ref _recordIds)}");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync();
    }
}
