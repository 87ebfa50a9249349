using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Pipeline.LambdaRuntime;

/// <summary>
/// Turns a typed handler into a raw one with source-generated JSON, so bad input is a serialization error, not a crash.
/// Public for raw handlers that answer most events themselves and leave the rest to the typed way.
/// </summary>
public static class TypedHandler
{
    public static Func<ReadOnlyMemory<byte>, LambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>> Wrap<TRequest, TResponse>(
        Func<TRequest, LambdaContext, CancellationToken, Task<TResponse>> handler,
        JsonTypeInfo<TRequest> requestTypeInfo,
        JsonTypeInfo<TResponse> responseTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(requestTypeInfo);
        ArgumentNullException.ThrowIfNull(responseTypeInfo);
        return async (body, context, cancellationToken) =>
        {
            var request = Deserialize(body, requestTypeInfo);
            var response = await handler(request, context, cancellationToken).ConfigureAwait(false);
            return Serialize(response, responseTypeInfo);
        };
    }

    private static TRequest Deserialize<TRequest>(ReadOnlyMemory<byte> body, JsonTypeInfo<TRequest> typeInfo)
    {
        TRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body.Span, typeInfo);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new LambdaSerializationException($"The event could not be read as {typeof(TRequest).Name}: {e.Message}", e);
        }

        // Handlers are written against a non-null request; a JSON null would only move the failure into them.
        return request ?? throw new LambdaSerializationException($"The event is JSON null; {typeof(TRequest).Name} expected.");
    }

    private static ReadOnlyMemory<byte> Serialize<TResponse>(TResponse response, JsonTypeInfo<TResponse> typeInfo)
    {
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(response, typeInfo);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new LambdaSerializationException($"The response could not be written as JSON ({typeof(TResponse).Name}): {e.Message}", e);
        }
    }
}
