using System.Text.Json;
using Pipeline.Aws.Core;

namespace Pipeline.Aws.Glue;

/// <summary>AWS Glue over its JSON 1.1 API (target <c>AWSGlue</c>).</summary>
public sealed class GlueClient : IGlueClient
{
    /// <summary>Creates a client from <paramref name="options"/> and the environment.</summary>
    public GlueClient(AwsClientOptions options)
        : this(new AwsJsonClient(AwsServices.Glue, options))
    {
    }

    /// <summary>Creates a client over a JSON client configured for Glue.</summary>
    public GlueClient(AwsJsonClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.Transport.Service.TargetPrefix != AwsServices.Glue.TargetPrefix)
        {
            throw new ArgumentException($"The client is for {client.Transport.Service.ServiceId}, not Glue.", nameof(client));
        }

        Client = client;
    }

    /// <summary>The underlying JSON client, for operations this type does not wrap.</summary>
    public AwsJsonClient Client { get; }

    /// <inheritdoc />
    public async Task StartCrawlerAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await Client.SendAsync("StartCrawler", new NameInput(name), GlueJsonContext.Default.NameInput, GlueJsonContext.Default.AwsEmptyResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Crawler> GetCrawlerAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var output = await Client.SendAsync("GetCrawler", new NameInput(name), GlueJsonContext.Default.NameInput, GlueJsonContext.Default.GetCrawlerOutput, cancellationToken).ConfigureAwait(false);
        return output.Crawler ?? throw new JsonException("Glue GetCrawler answered without a Crawler.");
    }

    /// <inheritdoc />
    public async Task CreateCrawlerAsync(CreateCrawlerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await Client.SendAsync("CreateCrawler", request, GlueJsonContext.Default.CreateCrawlerRequest, GlueJsonContext.Default.AwsEmptyResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task CreateDatabaseAsync(DatabaseInput database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await Client.SendAsync("CreateDatabase", new CreateDatabaseInput(database), GlueJsonContext.Default.CreateDatabaseInput, GlueJsonContext.Default.AwsEmptyResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<GetTablesPage> GetTablesAsync(string databaseName, string? expression = null, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        return Client.SendAsync("GetTables", new GetTablesInput(databaseName, expression, nextToken, maxResults), GlueJsonContext.Default.GetTablesInput, GlueJsonContext.Default.GetTablesPage, cancellationToken);
    }

    /// <inheritdoc />
    public Task<GetPartitionsPage> GetPartitionsAsync(string databaseName, string tableName, string? expression = null, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        return Client.SendAsync("GetPartitions", new GetPartitionsInput(databaseName, tableName, expression, nextToken, maxResults), GlueJsonContext.Default.GetPartitionsInput, GlueJsonContext.Default.GetPartitionsPage, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string> CreateJobAsync(CreateJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var output = await Client.SendAsync("CreateJob", request, GlueJsonContext.Default.CreateJobRequest, GlueJsonContext.Default.CreateJobOutput, cancellationToken).ConfigureAwait(false);
        return output.Name ?? request.Name;
    }

    /// <inheritdoc />
    public async Task<string> StartJobRunAsync(StartJobRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var output = await Client.SendAsync("StartJobRun", request, GlueJsonContext.Default.StartJobRunRequest, GlueJsonContext.Default.StartJobRunOutput, cancellationToken).ConfigureAwait(false);
        return output.JobRunId ?? throw new JsonException("Glue StartJobRun answered without a JobRunId.");
    }

    /// <inheritdoc />
    public async Task<JobRun> GetJobRunAsync(string jobName, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var output = await Client.SendAsync("GetJobRun", new GetJobRunInput(jobName, runId), GlueJsonContext.Default.GetJobRunInput, GlueJsonContext.Default.GetJobRunOutput, cancellationToken).ConfigureAwait(false);
        return output.JobRun ?? throw new JsonException("Glue GetJobRun answered without a JobRun.");
    }

    /// <inheritdoc />
    public Task<GetJobRunsPage> GetJobRunsAsync(string jobName, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        return Client.SendAsync("GetJobRuns", new GetJobRunsInput(jobName, nextToken, maxResults), GlueJsonContext.Default.GetJobRunsInput, GlueJsonContext.Default.GetJobRunsPage, cancellationToken);
    }

    /// <summary>GetTable. <see cref="GlueErrorCodes.EntityNotFound"/> for an unknown database or table.</summary>
    public async Task<Table> GetTableAsync(string databaseName, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var output = await Client.SendAsync("GetTable", new GetTableInput(databaseName, name), GlueJsonContext.Default.GetTableInput, GlueJsonContext.Default.GetTableOutput, cancellationToken).ConfigureAwait(false);
        return output.Table ?? throw new JsonException("Glue GetTable answered without a Table.");
    }

    /// <summary>CreateTable. <see cref="GlueErrorCodes.AlreadyExists"/> for a taken name.</summary>
    public async Task CreateTableAsync(string databaseName, TableInput table, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        ArgumentNullException.ThrowIfNull(table);
        await Client.SendAsync("CreateTable", new TableInputRequest(databaseName, table), GlueJsonContext.Default.TableInputRequest, GlueJsonContext.Default.AwsEmptyResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>UpdateTable: replaces the table's definition. <see cref="GlueErrorCodes.EntityNotFound"/> for an unknown table.</summary>
    public async Task UpdateTableAsync(string databaseName, TableInput table, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        ArgumentNullException.ThrowIfNull(table);
        await Client.SendAsync("UpdateTable", new TableInputRequest(databaseName, table), GlueJsonContext.Default.TableInputRequest, GlueJsonContext.Default.AwsEmptyResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>BatchCreatePartition (at most 100 partitions); returns the partitions not added and why.</summary>
    public async Task<IReadOnlyList<PartitionError>> BatchCreatePartitionAsync(string databaseName, string tableName, IReadOnlyList<PartitionInput> partitions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        ArgumentNullException.ThrowIfNull(partitions);
        var output = await Client.SendAsync("BatchCreatePartition", new BatchCreatePartitionInput(databaseName, tableName, partitions), GlueJsonContext.Default.BatchCreatePartitionInput, GlueJsonContext.Default.BatchCreatePartitionOutput, cancellationToken).ConfigureAwait(false);
        return output.Errors ?? [];
    }

    /// <summary>BatchGetPartition (at most 1000 partitions): those that exist; unknown values are left out.</summary>
    public async Task<IReadOnlyList<Partition>> BatchGetPartitionAsync(string databaseName, string tableName, IReadOnlyList<IReadOnlyList<string>> values, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        ArgumentNullException.ThrowIfNull(values);
        var output = await Client.SendAsync("BatchGetPartition", new BatchGetPartitionInput(databaseName, tableName, values.Select(v => new PartitionValueList(v)).ToList()), GlueJsonContext.Default.BatchGetPartitionInput, GlueJsonContext.Default.BatchGetPartitionOutput, cancellationToken).ConfigureAwait(false);
        return output.Partitions ?? [];
    }
}
