using Microsoft.AspNetCore.Http;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Glue.Crawlers;
using Pipeline.LocalCloud.Glue.Jobs;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Glue.Api;

/// <summary>
/// Glue over its JSON 1.1 protocol: <c>POST /</c> with <c>X-Amz-Target: AWSGlue.&lt;Operation&gt;</c>, one table for
/// the Data Catalog (<see cref="IGlueCatalog"/>), crawlers (<see cref="GlueCrawlers"/>, crawls by
/// <see cref="CrawlerRunner"/>) and jobs (<see cref="GlueJobs"/>). The operations are thin: the engines check and answer.
/// </summary>
internal sealed class GlueEndpoint : IAwsServiceEndpoint
{
    public const string TargetPrefix = "AWSGlue";

    private readonly JsonProtocol _protocol;

    public GlueEndpoint(IGlueCatalog catalog, GlueCrawlers crawlers, CrawlerRunner runner, GlueJobs jobs)
    {
        var operations = new JsonOperations();
        AddCatalog(operations, catalog);
        AddCrawlers(operations, crawlers, runner);
        AddJobs(operations, jobs);
        _protocol = new JsonProtocol(SigningName, "Glue", TargetPrefix, "1.1", operations);
    }

    public string SigningName => "glue";

    public AwsProtocol Protocol => AwsProtocol.Json;

    public Task HandleAsync(HttpContext context) => _protocol.HandleAsync(context);

    private static void AddCatalog(JsonOperations operations, IGlueCatalog catalog)
    {
        var json = GlueJsonContext.Default;
        operations
            .Add("CreateDatabase", json.CreateDatabaseRequest, json.CreateDatabaseResponse, (CreateDatabaseRequest r, CancellationToken ct) => Empty<CreateDatabaseResponse>(catalog.CreateDatabaseAsync(r.DatabaseInput ?? throw Missing("databaseInput"), ct)))
            .Add("GetDatabase", json.GetDatabaseRequest, json.GetDatabaseResponse, async (GetDatabaseRequest r, CancellationToken ct) => new GetDatabaseResponse { Database = await catalog.GetDatabaseAsync(r.Name ?? throw Missing("name"), ct).ConfigureAwait(false) })
            .Add("GetDatabases", json.GetDatabasesRequest, json.GetDatabasesResponse, async (GetDatabasesRequest r, CancellationToken ct) =>
            {
                var page = await catalog.GetDatabasesAsync(r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new GetDatabasesResponse { DatabaseList = page.Items, NextToken = page.NextToken };
            })
            .Add("DeleteDatabase", json.DeleteDatabaseRequest, json.DeleteDatabaseResponse, (DeleteDatabaseRequest r, CancellationToken ct) => Empty<DeleteDatabaseResponse>(catalog.DeleteDatabaseAsync(r.Name ?? throw Missing("name"), ct)))
            .Add("CreateTable", json.CreateTableRequest, json.CreateTableResponse, (CreateTableRequest r, CancellationToken ct) => Empty<CreateTableResponse>(catalog.CreateTableAsync(Required(r.DatabaseName, "databaseName"), r.TableInput ?? throw Missing("tableInput"), ct)))
            .Add("GetTable", json.GetTableRequest, json.GetTableResponse, async (GetTableRequest r, CancellationToken ct) => new GetTableResponse { Table = await catalog.GetTableAsync(Required(r.DatabaseName, "databaseName"), r.Name ?? throw Missing("name"), ct).ConfigureAwait(false) })
            .Add("GetTables", json.GetTablesRequest, json.GetTablesResponse, async (GetTablesRequest r, CancellationToken ct) =>
            {
                var page = await catalog.GetTablesAsync(Required(r.DatabaseName, "databaseName"), r.Expression, r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new GetTablesResponse { TableList = page.Items, NextToken = page.NextToken };
            })
            .Add("UpdateTable", json.UpdateTableRequest, json.UpdateTableResponse, (UpdateTableRequest r, CancellationToken ct) => Empty<UpdateTableResponse>(catalog.UpdateTableAsync(Required(r.DatabaseName, "databaseName"), r.TableInput ?? throw Missing("tableInput"), ct)))
            .Add("DeleteTable", json.DeleteTableRequest, json.DeleteTableResponse, (DeleteTableRequest r, CancellationToken ct) => Empty<DeleteTableResponse>(catalog.DeleteTableAsync(Required(r.DatabaseName, "databaseName"), r.Name ?? throw Missing("name"), ct)))
            .Add("BatchCreatePartition", json.BatchCreatePartitionRequest, json.BatchCreatePartitionResponse, async (BatchCreatePartitionRequest r, CancellationToken ct) => new BatchCreatePartitionResponse
            {
                Errors = await catalog.BatchCreatePartitionAsync(Required(r.DatabaseName, "databaseName"), Required(r.TableName, "tableName"), r.PartitionInputList ?? throw Missing("partitionInputList"), ct).ConfigureAwait(false),
            })
            .Add("GetPartition", json.GetPartitionRequest, json.GetPartitionResponse, async (GetPartitionRequest r, CancellationToken ct) => new GetPartitionResponse
            {
                Partition = await catalog.GetPartitionAsync(Required(r.DatabaseName, "databaseName"), Required(r.TableName, "tableName"), r.PartitionValues ?? throw Missing("partitionValues"), ct).ConfigureAwait(false),
            })
            .Add("BatchGetPartition", json.BatchGetPartitionRequest, json.BatchGetPartitionResponse, async (BatchGetPartitionRequest r, CancellationToken ct) => new BatchGetPartitionResponse
            {
                Partitions = await catalog.BatchGetPartitionAsync(Required(r.DatabaseName, "databaseName"), Required(r.TableName, "tableName"), (r.PartitionsToGet ?? throw Missing("partitionsToGet")).Select(p => p.Values ?? []).ToList(), ct).ConfigureAwait(false),
                UnprocessedKeys = [],
            })
            .Add("GetPartitions", json.GetPartitionsRequest, json.GetPartitionsResponse, async (GetPartitionsRequest r, CancellationToken ct) =>
            {
                var page = await catalog.GetPartitionsAsync(Required(r.DatabaseName, "databaseName"), Required(r.TableName, "tableName"), r.Expression, r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new GetPartitionsResponse { Partitions = page.Items, NextToken = page.NextToken };
            });
    }

    private static void AddCrawlers(JsonOperations operations, GlueCrawlers crawlers, CrawlerRunner runner)
    {
        var json = GlueJsonContext.Default;
        operations
            .Add("CreateCrawler", json.CreateCrawlerRequest, json.CreateCrawlerResponse, (CreateCrawlerRequest r, CancellationToken ct) => Empty<CreateCrawlerResponse>(crawlers.CreateAsync(r, ct)))
            .Add("GetCrawler", json.GetCrawlerRequest, json.GetCrawlerResponse, async (GetCrawlerRequest r, CancellationToken ct) => new GetCrawlerResponse { Crawler = await crawlers.GetAsync(r.Name, ct).ConfigureAwait(false) })
            .Add("GetCrawlers", json.GetCrawlersRequest, json.GetCrawlersResponse, async (GetCrawlersRequest r, CancellationToken ct) =>
            {
                var page = await crawlers.ListAsync(r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new GetCrawlersResponse { Crawlers = page.Items, NextToken = page.NextToken };
            })
            .Add("ListCrawlers", json.ListCrawlersRequest, json.ListCrawlersResponse, async (ListCrawlersRequest r, CancellationToken ct) =>
            {
                var page = await crawlers.ListNamesAsync(r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new ListCrawlersResponse { CrawlerNames = page.Items, NextToken = page.NextToken };
            })
            .Add("GetCrawlerMetrics", json.GetCrawlerMetricsRequest, json.GetCrawlerMetricsResponse, async (GetCrawlerMetricsRequest r, CancellationToken ct) =>
            {
                var page = await crawlers.MetricsAsync(r.CrawlerNameList, r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new GetCrawlerMetricsResponse { CrawlerMetricsList = page.Items, NextToken = page.NextToken };
            })
            .Add("UpdateCrawler", json.UpdateCrawlerRequest, json.UpdateCrawlerResponse, (UpdateCrawlerRequest r, CancellationToken ct) => Empty<UpdateCrawlerResponse>(crawlers.UpdateAsync(r, ct)))
            .Add("DeleteCrawler", json.DeleteCrawlerRequest, json.DeleteCrawlerResponse, (DeleteCrawlerRequest r, CancellationToken ct) => Empty<DeleteCrawlerResponse>(crawlers.DeleteAsync(r.Name, ct)))
            .Add("StartCrawler", json.StartCrawlerRequest, json.StartCrawlerResponse, (StartCrawlerRequest r, CancellationToken ct) => Empty<StartCrawlerResponse>(runner.StartCrawlAsync(r.Name, ct)))
            .Add("StopCrawler", json.StopCrawlerRequest, json.StopCrawlerResponse, (StopCrawlerRequest r, CancellationToken ct) => Empty<StopCrawlerResponse>(runner.StopCrawlAsync(r.Name, ct)));
    }

    private static void AddJobs(JsonOperations operations, GlueJobs jobs)
    {
        var json = GlueJsonContext.Default;
        operations
            .Add("CreateJob", json.CreateJobRequest, json.CreateJobResponse, async (CreateJobRequest r, CancellationToken ct) => new CreateJobResponse { Name = (await jobs.CreateAsync(r.Name, GlueJobs.Definition(r), ct).ConfigureAwait(false)).Name })
            .Add("GetJob", json.GetJobRequest, json.GetJobResponse, async (GetJobRequest r, CancellationToken ct) => new GetJobResponse { Job = await jobs.GetAsync(r.JobName, ct).ConfigureAwait(false) })
            .Add("GetJobs", json.GetJobsRequest, json.GetJobsResponse, async (GetJobsRequest r, CancellationToken ct) =>
            {
                var page = await jobs.ListAsync(r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new GetJobsResponse { Jobs = page.Items, NextToken = page.NextToken };
            })
            .Add("ListJobs", json.ListJobsRequest, json.ListJobsResponse, async (ListJobsRequest r, CancellationToken ct) =>
            {
                var page = await jobs.ListAsync(r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new ListJobsResponse { JobNames = page.Items.Select(j => j.Name!).ToList(), NextToken = page.NextToken };
            })
            .Add("UpdateJob", json.UpdateJobRequest, json.UpdateJobResponse, async (UpdateJobRequest r, CancellationToken ct) => new UpdateJobResponse { JobName = await jobs.UpdateAsync(r.JobName, r.JobUpdate, ct).ConfigureAwait(false) })
            .Add("DeleteJob", json.DeleteJobRequest, json.DeleteJobResponse, async (DeleteJobRequest r, CancellationToken ct) => new DeleteJobResponse { JobName = await jobs.DeleteAsync(r.JobName, ct).ConfigureAwait(false) })
            .Add("StartJobRun", json.StartJobRunRequest, json.StartJobRunResponse, async (StartJobRunRequest r, CancellationToken ct) => new StartJobRunResponse { JobRunId = await jobs.StartRunAsync(r, ct).ConfigureAwait(false) })
            .Add("GetJobRun", json.GetJobRunRequest, json.GetJobRunResponse, async (GetJobRunRequest r, CancellationToken ct) => new GetJobRunResponse { JobRun = await jobs.GetRunAsync(r.JobName, r.RunId, ct).ConfigureAwait(false) })
            .Add("GetJobRuns", json.GetJobRunsRequest, json.GetJobRunsResponse, async (GetJobRunsRequest r, CancellationToken ct) =>
            {
                var page = await jobs.GetRunsAsync(r.JobName, r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new GetJobRunsResponse { JobRuns = page.Items, NextToken = page.NextToken };
            })
            .Add("BatchStopJobRun", json.BatchStopJobRunRequest, json.BatchStopJobRunResponse, (BatchStopJobRunRequest r, CancellationToken ct) => jobs.StopRunsAsync(r.JobName, r.JobRunIds, ct));
    }

    // Operations whose output has no members answer {} once they succeed.
    private static async Task<TResponse> Empty<TResponse>(Task operation)
        where TResponse : new()
    {
        await operation.ConfigureAwait(false);
        return new TResponse();
    }

    private static string Required(string? value, string member) => value ?? throw Missing(member);

    private static AwsServiceException Missing(string member) =>
        GlueErrors.InvalidInput($"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");
}
