using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Pipeline.LocalCloud.Protocols;

/// <summary>
/// A JSON-protocol service's operations: each name maps to a typed handler, with the source-generated type info of
/// its input and output, so the protocol reads and writes them without reflection (trim/AOT safe).
/// </summary>
public sealed class JsonOperations
{
    private readonly Dictionary<string, Func<byte[], OperationCall, Stream, Task>> _operations = new(StringComparer.Ordinal);

    public JsonOperations Add<TIn, TOut>(string name, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output, Func<TIn, OperationCall, Task<TOut>> handler)
    {
        _operations.Add(name, async (body, call, response) =>
        {
            var result = await handler(Read(body, input), call).ConfigureAwait(false);
            await JsonSerializer.SerializeAsync(response, result, output, call.Cancellation).ConfigureAwait(false);
        });
        return this;
    }

    public JsonOperations Add<TIn, TOut>(string name, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output, Func<TIn, CancellationToken, Task<TOut>> handler) =>
        Add(name, input, output, (TIn request, OperationCall call) => handler(request, call.Cancellation));

    public JsonOperations Add<TIn, TOut>(string name, JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output, Func<TIn, TOut> handler) =>
        Add(name, input, output, (TIn request, OperationCall _) => Task.FromResult(handler(request)));

    internal bool TryGet(string name, out Func<byte[], OperationCall, Stream, Task> operation) =>
        _operations.TryGetValue(name, out operation!);

    // An operation without input members may be sent with an empty body.
    private static T Read<T>(byte[] body, JsonTypeInfo<T> type)
    {
        try
        {
            return (body.Length == 0 ? JsonSerializer.Deserialize("{}"u8, type) : JsonSerializer.Deserialize(body, type))
                ?? throw new Hosting.AwsServiceException("SerializationException", "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new Hosting.AwsServiceException("SerializationException", $"The request body is not valid for the operation: {e.Message}");
        }
    }
}

/// <summary>What an operation handler may need of its request besides its input: the URL it was sent to (queue
/// URLs are built from it) and the client's cancellation.</summary>
public sealed record OperationCall(string BaseUrl, CancellationToken Cancellation)
{
    public static OperationCall Of(HttpContext context) =>
        new($"{context.Request.Scheme}://{context.Request.Host}", context.RequestAborted);
}
