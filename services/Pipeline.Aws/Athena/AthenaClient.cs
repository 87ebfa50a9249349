using System.Text.Json;
using Pipeline.Aws.Core;
using Pipeline.AwsShapes.Athena;

namespace Pipeline.Aws.Athena;

/// <summary>Amazon Athena over its JSON 1.1 API (target <c>AmazonAthena</c>).</summary>
public sealed class AthenaClient : IAthenaClient
{
    /// <summary>Creates a client from <paramref name="options"/> and the environment.</summary>
    public AthenaClient(AwsClientOptions options)
        : this(new AwsJsonClient(AwsServices.Athena, options))
    {
    }

    /// <summary>Creates a client over a JSON client configured for Athena.</summary>
    public AthenaClient(AwsJsonClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.Transport.Service.TargetPrefix != AwsServices.Athena.TargetPrefix)
        {
            throw new ArgumentException($"The client is for {client.Transport.Service.ServiceId}, not Athena.", nameof(client));
        }

        Client = client;
    }

    /// <summary>The underlying JSON client, for operations this type does not wrap.</summary>
    public AwsJsonClient Client { get; }

    /// <inheritdoc />
    public async Task CreateWorkGroupAsync(string name, WorkGroupConfiguration? configuration = null, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var input = new CreateWorkGroupInput { Name = name, Configuration = configuration, Description = description };
        await Client.SendAsync("CreateWorkGroup", input, AthenaJsonContext.Default.CreateWorkGroupInput, AthenaJsonContext.Default.CreateWorkGroupOutput, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<WorkGroup> GetWorkGroupAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var output = await Client.SendAsync("GetWorkGroup", new GetWorkGroupInput { WorkGroup = name }, AthenaJsonContext.Default.GetWorkGroupInput, AthenaJsonContext.Default.GetWorkGroupOutput, cancellationToken).ConfigureAwait(false);
        return output.WorkGroup ?? throw new JsonException("Athena GetWorkGroup answered without a WorkGroup.");
    }

    /// <inheritdoc />
    public async Task<string> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The token is an idempotency token: the SDKs generate one per call, so a retried request is not run twice.
        var withToken = request.ClientRequestToken is null ? request with { ClientRequestToken = Guid.NewGuid().ToString() } : request;
        var output = await Client.SendAsync("StartQueryExecution", withToken, AthenaJsonContext.Default.StartQueryExecutionRequest, AthenaJsonContext.Default.StartQueryExecutionOutput, cancellationToken).ConfigureAwait(false);
        return output.QueryExecutionId ?? throw new JsonException("Athena StartQueryExecution answered without a QueryExecutionId.");
    }

    /// <inheritdoc />
    public async Task<QueryExecution> GetQueryExecutionAsync(string queryExecutionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queryExecutionId);
        var input = new GetQueryExecutionInput { QueryExecutionId = queryExecutionId };
        var output = await Client.SendAsync("GetQueryExecution", input, AthenaJsonContext.Default.GetQueryExecutionInput, AthenaJsonContext.Default.GetQueryExecutionOutput, cancellationToken).ConfigureAwait(false);
        return output.QueryExecution ?? throw new JsonException("Athena GetQueryExecution answered without a QueryExecution.");
    }

    /// <inheritdoc />
    public Task<GetQueryResultsPage> GetQueryResultsAsync(string queryExecutionId, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queryExecutionId);
        var input = new GetQueryResultsInput { QueryExecutionId = queryExecutionId, NextToken = nextToken, MaxResults = maxResults };
        return Client.SendAsync("GetQueryResults", input, AthenaJsonContext.Default.GetQueryResultsInput, AthenaJsonContext.Default.GetQueryResultsPage, cancellationToken);
    }
}
