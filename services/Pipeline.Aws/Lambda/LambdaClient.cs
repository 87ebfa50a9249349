using System.Text.Json;
using Pipeline.Aws.Core;
using Pipeline.AwsShapes.Lambda;

namespace Pipeline.Aws.Lambda;

/// <summary>AWS Lambda over its REST-JSON API: the operations the pipeline's tooling uses.</summary>
public sealed class LambdaClient
{
    private const string Functions = "/2015-03-31/functions";
    private const string EventSourceMappings = "/2015-03-31/event-source-mappings/";
    private readonly AwsTransport _transport;

    public LambdaClient(AwsClientOptions options)
        : this(new AwsTransport(AwsServices.Lambda, options))
    {
    }

    public LambdaClient(AwsTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
    }

    /// <summary>Creates a zip-package function; <c>Runtime</c> and <c>Handler</c> default to the pipeline's custom runtime (<c>provided.al2023</c>, <c>bootstrap</c>).</summary>
    /// <exception cref="AwsServiceException"><c>ResourceConflictException</c> when the function exists.</exception>
    public async Task<FunctionConfiguration> CreateFunctionAsync(CreateFunctionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request = request with { Runtime = request.Runtime ?? RuntimeValues.ProvidedAl2023, Handler = request.Handler ?? "bootstrap" };
        var body = JsonSerializer.SerializeToUtf8Bytes(request, LambdaJsonContext.Default.CreateFunctionRequest);
        var response = await _transport.SendAsync("CreateFunction", HttpMethod.Post, Functions, body, "application/json", [], AwsJsonErrorParser.Parse, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(response.Body, LambdaJsonContext.Default.FunctionConfiguration)!;
    }

    /// <exception cref="AwsServiceException"><c>ResourceNotFoundException</c> for an unknown function.</exception>
    public async Task<FunctionConfiguration> GetFunctionAsync(string functionName, CancellationToken cancellationToken = default)
    {
        var response = await _transport.SendAsync("GetFunction", HttpMethod.Get, $"{Functions}/{Uri.EscapeDataString(functionName)}", [], null, [], AwsJsonErrorParser.Parse, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(response.Body, LambdaJsonContext.Default.GetFunctionResponse)!.Configuration!;
    }

    /// <summary>Replaces the function's code; running invocations finish on the old code, later ones get the new.</summary>
    /// <exception cref="AwsServiceException"><c>ResourceNotFoundException</c> for an unknown function.</exception>
    public async Task<FunctionConfiguration> UpdateFunctionCodeAsync(string functionName, byte[] zipFile, IReadOnlyList<string>? architectures = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        ArgumentNullException.ThrowIfNull(zipFile);
        var body = JsonSerializer.SerializeToUtf8Bytes(new UpdateFunctionCodeRequest { ZipFile = zipFile, Architectures = architectures }, LambdaJsonContext.Default.UpdateFunctionCodeRequest);
        var response = await _transport.SendAsync("UpdateFunctionCode", HttpMethod.Put, $"{Functions}/{Uri.EscapeDataString(functionName)}/code", body, "application/json", [], AwsJsonErrorParser.Parse, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(response.Body, LambdaJsonContext.Default.FunctionConfiguration)!;
    }

    /// <summary>Changes the function's settings; what <paramref name="request"/> leaves null is kept.</summary>
    /// <exception cref="AwsServiceException"><c>ResourceNotFoundException</c> for an unknown function.</exception>
    public async Task<FunctionConfiguration> UpdateFunctionConfigurationAsync(string functionName, UpdateFunctionConfigurationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, LambdaJsonContext.Default.UpdateFunctionConfigurationRequest);
        var response = await _transport.SendAsync("UpdateFunctionConfiguration", HttpMethod.Put, $"{Functions}/{Uri.EscapeDataString(functionName)}/configuration", body, "application/json", [], AwsJsonErrorParser.Parse, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(response.Body, LambdaJsonContext.Default.FunctionConfiguration)!;
    }

    public async Task DeleteFunctionAsync(string functionName, CancellationToken cancellationToken = default) =>
        await _transport.SendAsync("DeleteFunction", HttpMethod.Delete, $"{Functions}/{Uri.EscapeDataString(functionName)}", [], null, [], AwsJsonErrorParser.Parse, cancellationToken).ConfigureAwait(false);

    public async Task<InvokeResult> InvokeAsync(string functionName, byte[] payload, InvocationType type = InvocationType.RequestResponse, CancellationToken cancellationToken = default)
    {
        KeyValuePair<string, string>[] headers = [new("X-Amz-Invocation-Type", type.ToString())];
        var response = await _transport.SendAsync("Invoke", HttpMethod.Post, $"{Functions}/{Uri.EscapeDataString(functionName)}/invocations", payload, "application/json", headers, AwsJsonErrorParser.Parse, cancellationToken).ConfigureAwait(false);
        return new InvokeResult((int)response.StatusCode, response.Body, response.FunctionError);
    }

    /// <exception cref="AwsServiceException">
    /// <c>ResourceConflictException</c> when the function already has a mapping for the source;
    /// <c>InvalidParameterValueException</c> for a missing queue or batch settings out of range.
    /// </exception>
    public async Task<EventSourceMappingConfiguration> CreateEventSourceMappingAsync(CreateEventSourceMappingRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, LambdaJsonContext.Default.CreateEventSourceMappingRequest);
        var response = await _transport.SendAsync("CreateEventSourceMapping", HttpMethod.Post, EventSourceMappings, body, "application/json", [], AwsJsonErrorParser.Parse, ct).ConfigureAwait(false);
        return JsonSerializer.Deserialize(response.Body, LambdaJsonContext.Default.EventSourceMappingConfiguration)!;
    }

    /// <summary>Every mapping matching the filters (either may be null), following <c>NextMarker</c> through all pages.</summary>
    public async Task<IReadOnlyList<EventSourceMappingConfiguration>> ListEventSourceMappingsAsync(string? functionName, string? eventSourceArn, CancellationToken ct = default)
    {
        var all = new List<EventSourceMappingConfiguration>();
        string? marker = null;
        do
        {
            var query = new List<string>();
            if (functionName is not null)
            {
                query.Add($"FunctionName={Uri.EscapeDataString(functionName)}");
            }

            if (eventSourceArn is not null)
            {
                query.Add($"EventSourceArn={Uri.EscapeDataString(eventSourceArn)}");
            }

            if (marker is not null)
            {
                query.Add($"Marker={Uri.EscapeDataString(marker)}");
            }

            var path = query.Count == 0 ? EventSourceMappings : $"{EventSourceMappings}?{string.Join('&', query)}";
            var response = await _transport.SendAsync("ListEventSourceMappings", HttpMethod.Get, path, [], null, [], AwsJsonErrorParser.Parse, ct).ConfigureAwait(false);
            var page = JsonSerializer.Deserialize(response.Body, LambdaJsonContext.Default.ListEventSourceMappingsResponse)!;
            all.AddRange(page.EventSourceMappings ?? []);
            marker = string.IsNullOrEmpty(page.NextMarker) ? null : page.NextMarker;
        }
        while (marker is not null);

        return all;
    }

    /// <exception cref="AwsServiceException"><c>ResourceNotFoundException</c> for an unknown mapping.</exception>
    public async Task DeleteEventSourceMappingAsync(string uuid, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(uuid);
        await _transport.SendAsync("DeleteEventSourceMapping", HttpMethod.Delete, $"{EventSourceMappings}{Uri.EscapeDataString(uuid)}", [], null, [], AwsJsonErrorParser.Parse, ct).ConfigureAwait(false);
    }
}
