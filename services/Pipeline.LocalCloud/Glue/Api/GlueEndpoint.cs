using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Glue.Crawlers;
using Pipeline.LocalCloud.Glue.Jobs;
using Pipeline.LocalCloud.Glue.Jobs.Api;
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
        var request = GlueApiJsonContext.Default.GlueRequest;
        var response = GlueApiJsonContext.Default.GlueResponse;
        operations
            .Add("CreateDatabase", request, response, (GlueRequest r, CancellationToken ct) => Empty(catalog.CreateDatabaseAsync(r.DatabaseInput ?? throw Missing("databaseInput"), ct)))
            .Add("GetDatabase", request, response, async (GlueRequest r, CancellationToken ct) => new GlueResponse { Database = await catalog.GetDatabaseAsync(r.Name ?? throw Missing("name"), ct).ConfigureAwait(false) })
            .Add("GetDatabases", request, response, async (GlueRequest r, CancellationToken ct) =>
            {
                var page = await catalog.GetDatabasesAsync(r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new GlueResponse { DatabaseList = page.Items, NextToken = page.NextToken };
            })
            .Add("DeleteDatabase", request, response, (GlueRequest r, CancellationToken ct) => Empty(catalog.DeleteDatabaseAsync(r.Name ?? throw Missing("name"), ct)))
            .Add("CreateTable", request, response, (GlueRequest r, CancellationToken ct) => Empty(catalog.CreateTableAsync(Database(r), r.TableInput ?? throw Missing("tableInput"), ct)))
            .Add("GetTable", request, response, async (GlueRequest r, CancellationToken ct) => new GlueResponse { Table = await catalog.GetTableAsync(Database(r), r.Name ?? throw Missing("name"), ct).ConfigureAwait(false) })
            .Add("GetTables", request, response, async (GlueRequest r, CancellationToken ct) =>
            {
                var page = await catalog.GetTablesAsync(Database(r), r.Expression, r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new GlueResponse { TableList = page.Items, NextToken = page.NextToken };
            })
            .Add("UpdateTable", request, response, (GlueRequest r, CancellationToken ct) => Empty(catalog.UpdateTableAsync(Database(r), r.TableInput ?? throw Missing("tableInput"), ct)))
            .Add("DeleteTable", request, response, (GlueRequest r, CancellationToken ct) => Empty(catalog.DeleteTableAsync(Database(r), r.Name ?? throw Missing("name"), ct)))
            .Add("BatchCreatePartition", request, response, async (GlueRequest r, CancellationToken ct) => new GlueResponse
            {
                Errors = await catalog.BatchCreatePartitionAsync(Database(r), TableName(r), r.PartitionInputList ?? throw Missing("partitionInputList"), ct).ConfigureAwait(false),
            })
            .Add("GetPartition", request, response, async (GlueRequest r, CancellationToken ct) => new GlueResponse
            {
                Partition = await catalog.GetPartitionAsync(Database(r), TableName(r), r.PartitionValues ?? throw Missing("partitionValues"), ct).ConfigureAwait(false),
            })
            .Add("BatchGetPartition", request, response, async (GlueRequest r, CancellationToken ct) => new GlueResponse
            {
                Partitions = await catalog.BatchGetPartitionAsync(Database(r), TableName(r), (r.PartitionsToGet ?? throw Missing("partitionsToGet")).Select(p => (IReadOnlyList<string>)(p.Values ?? [])).ToList(), ct).ConfigureAwait(false),
                UnprocessedKeys = [],
            })
            .Add("GetPartitions", request, response, async (GlueRequest r, CancellationToken ct) =>
            {
                var page = await catalog.GetPartitionsAsync(Database(r), TableName(r), r.Expression, r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new GlueResponse { Partitions = page.Items, NextToken = page.NextToken };
            });
    }

    private static void AddCrawlers(JsonOperations operations, GlueCrawlers crawlers, CrawlerRunner runner)
    {
        var request = GlueApiJsonContext.Default.CreateCrawlerRequest;
        var response = GlueApiJsonContext.Default.CrawlerResponse;
        operations
            .Add("CreateCrawler", request, response, (CreateCrawlerRequest r, CancellationToken ct) => Empty<CrawlerResponse>(crawlers.CreateAsync(r, ct)))
            .Add("GetCrawler", request, response, async (CreateCrawlerRequest r, CancellationToken ct) => new CrawlerResponse { Crawler = await crawlers.GetAsync(r.Name, ct).ConfigureAwait(false) })
            .Add("GetCrawlers", request, response, async (CreateCrawlerRequest r, CancellationToken ct) =>
            {
                var page = await crawlers.ListAsync(r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new CrawlerResponse { Crawlers = page.Items, NextToken = page.NextToken };
            })
            .Add("ListCrawlers", request, response, async (CreateCrawlerRequest r, CancellationToken ct) =>
            {
                var page = await crawlers.ListNamesAsync(r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new CrawlerResponse { CrawlerNames = page.Items, NextToken = page.NextToken };
            })
            .Add("GetCrawlerMetrics", request, response, async (CreateCrawlerRequest r, CancellationToken ct) =>
            {
                var page = await crawlers.MetricsAsync(r.CrawlerNameList, r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new CrawlerResponse { CrawlerMetricsList = page.Items, NextToken = page.NextToken };
            })
            .Add("UpdateCrawler", request, response, (CreateCrawlerRequest r, CancellationToken ct) => Empty<CrawlerResponse>(crawlers.UpdateAsync(r, ct)))
            .Add("DeleteCrawler", request, response, (CreateCrawlerRequest r, CancellationToken ct) => Empty<CrawlerResponse>(crawlers.DeleteAsync(r.Name, ct)))
            .Add("StartCrawler", request, response, (CreateCrawlerRequest r, CancellationToken ct) => Empty<CrawlerResponse>(runner.StartCrawlAsync(r.Name, ct)))
            .Add("StopCrawler", request, response, (CreateCrawlerRequest r, CancellationToken ct) => Empty<CrawlerResponse>(runner.StopCrawlAsync(r.Name, ct)));
    }

    private static void AddJobs(JsonOperations operations, GlueJobs jobs)
    {
        var request = GlueJobsJsonContext.Default.JobsRequest;
        var response = GlueJobsJsonContext.Default.JobsResponse;
        operations
            .Add("CreateJob", request, response, async (JobsRequest r, CancellationToken ct) => new JobsResponse { Name = (await jobs.CreateAsync(r.Name, r.Definition(), ct).ConfigureAwait(false)).Name })
            .Add("GetJob", request, response, async (JobsRequest r, CancellationToken ct) => new JobsResponse { Job = await jobs.GetAsync(r.JobName, ct).ConfigureAwait(false) })
            .Add("GetJobs", request, response, async (JobsRequest r, CancellationToken ct) =>
            {
                var page = await jobs.ListAsync(r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new JobsResponse { Jobs = page.Items, NextToken = page.NextToken };
            })
            .Add("ListJobs", request, response, async (JobsRequest r, CancellationToken ct) =>
            {
                var page = await jobs.ListAsync(r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new JobsResponse { JobNames = page.Items.Select(j => j.Name!).ToList(), NextToken = page.NextToken };
            })
            .Add("UpdateJob", request, response, async (JobsRequest r, CancellationToken ct) => new JobsResponse { JobName = await jobs.UpdateAsync(r.JobName, r.JobUpdate, ct).ConfigureAwait(false) })
            .Add("DeleteJob", request, response, async (JobsRequest r, CancellationToken ct) => new JobsResponse { JobName = await jobs.DeleteAsync(r.JobName, ct).ConfigureAwait(false) })
            .Add("StartJobRun", request, response, async (JobsRequest r, CancellationToken ct) => new JobsResponse { JobRunId = await jobs.StartRunAsync(r, ct).ConfigureAwait(false) })
            .Add("GetJobRun", request, response, async (JobsRequest r, CancellationToken ct) => new JobsResponse { JobRun = await jobs.GetRunAsync(r.JobName, r.RunId, ct).ConfigureAwait(false) })
            .Add("GetJobRuns", request, response, async (JobsRequest r, CancellationToken ct) =>
            {
                var page = await jobs.GetRunsAsync(r.JobName, r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new JobsResponse { JobRuns = page.Items, NextToken = page.NextToken };
            })
            .Add("BatchStopJobRun", request, response, async (JobsRequest r, CancellationToken ct) =>
            {
                var result = await jobs.StopRunsAsync(r.JobName, r.JobRunIds, ct).ConfigureAwait(false);
                return new JobsResponse { SuccessfulSubmissions = result.SuccessfulSubmissions, Errors = result.Errors };
            });
    }

    // Operations whose output has no members answer {} once they succeed.
    private static Task<GlueResponse> Empty(Task operation) => Empty<GlueResponse>(operation);

    private static async Task<TResponse> Empty<TResponse>(Task operation)
        where TResponse : new()
    {
        await operation.ConfigureAwait(false);
        return new TResponse();
    }

    private static string Database(GlueRequest request) => request.DatabaseName ?? throw Missing("databaseName");

    private static string TableName(GlueRequest request) => request.TableName ?? throw Missing("tableName");

    private static AwsServiceException Missing(string member) =>
        GlueErrors.InvalidInput($"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");
}
