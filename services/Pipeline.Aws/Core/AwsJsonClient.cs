using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Pipeline.Aws.Core;

/// <summary>
/// A client for one AWS JSON-protocol service (Firehose, Glue, Athena, EventBridge): POSTs the request as JSON
/// with <c>X-Amz-Target: &lt;TargetPrefix&gt;.&lt;Operation&gt;</c>, signed with SigV4. Shapes are serialised with
/// source-generated <see cref="JsonTypeInfo{T}"/>s, so it stays trim- and AOT-safe.
/// </summary>
public sealed class AwsJsonClient
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();
    private readonly string _contentType;

    /// <summary>Creates a client for <paramref name="service"/>, which must be a JSON-protocol service.</summary>
    public AwsJsonClient(AwsServiceDescriptor service, AwsClientOptions options)
        : this(new AwsTransport(service, options))
    {
    }

    /// <summary>Creates a client over an existing transport.</summary>
    public AwsJsonClient(AwsTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        if (transport.Service.TargetPrefix is null || transport.Service.JsonVersion is null)
        {
            throw new ArgumentException($"{transport.Service.ServiceId} is not a JSON-protocol service.", nameof(transport));
        }

        Transport = transport;
        _contentType = transport.Service.JsonContentType;
    }

    /// <summary>The transport: service, region and endpoint in use.</summary>
    public AwsTransport Transport { get; }

    /// <summary>Calls <paramref name="operation"/> and returns its output.</summary>
    /// <exception cref="AwsServiceException">The service answered with an error (after any retries).</exception>
    public async Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestTypeInfo,
        JsonTypeInfo<TResponse> responseTypeInfo,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentNullException.ThrowIfNull(requestTypeInfo);
        ArgumentNullException.ThrowIfNull(responseTypeInfo);

        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestTypeInfo);
        KeyValuePair<string, string>[] headers = [new("X-Amz-Target", $"{Transport.Service.TargetPrefix}.{operation}")];
        var response = await Transport.SendAsync(operation, body, _contentType, headers, AwsJsonErrorParser.Parse, cancellationToken).ConfigureAwait(false);

        // Some operations answer 200 with no body at all; that means the same as {}.
        var json = response.Body.Length == 0 ? EmptyObject : response.Body;
        return JsonSerializer.Deserialize(json, responseTypeInfo)
            ?? throw new JsonException($"{Transport.Service.ServiceId} {operation} answered 'null'.");
    }
}
