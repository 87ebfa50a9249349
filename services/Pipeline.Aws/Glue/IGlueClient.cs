namespace Pipeline.Aws.Glue;

/// <summary>
/// The AWS Glue operations the pipeline calls. Each method is one API call (IAM action <c>glue:&lt;Operation&gt;</c>);
/// errors are <see cref="AwsServiceException"/>s with the codes of <see cref="GlueErrorCodes"/>.
/// </summary>
public interface IGlueClient
{
    /// <summary>StartCrawler. <see cref="GlueErrorCodes.CrawlerRunning"/> when a crawl is already running.</summary>
    Task StartCrawlerAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>GetCrawler. <see cref="GlueErrorCodes.EntityNotFound"/> for an unknown name.</summary>
    Task<Crawler> GetCrawlerAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>CreateCrawler. <see cref="GlueErrorCodes.AlreadyExists"/> for a taken name.</summary>
    Task CreateCrawlerAsync(CreateCrawlerRequest request, CancellationToken cancellationToken = default);

    /// <summary>CreateDatabase. <see cref="GlueErrorCodes.AlreadyExists"/> for a taken name.</summary>
    Task CreateDatabaseAsync(DatabaseInput database, CancellationToken cancellationToken = default);

    /// <summary>GetTables: one page (at most 100 tables by default).</summary>
    Task<GetTablesPage> GetTablesAsync(string databaseName, string? expression = null, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default);

    /// <summary>GetPartitions: one page; <paramref name="expression"/> is a partition predicate.</summary>
    Task<GetPartitionsPage> GetPartitionsAsync(string databaseName, string tableName, string? expression = null, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default);

    /// <summary>CreateJob; returns the job name.</summary>
    Task<string> CreateJobAsync(CreateJobRequest request, CancellationToken cancellationToken = default);

    /// <summary>StartJobRun; returns the run id. <see cref="GlueErrorCodes.ConcurrentRunsExceeded"/> past <c>MaxConcurrentRuns</c>.</summary>
    Task<string> StartJobRunAsync(StartJobRunRequest request, CancellationToken cancellationToken = default);

    /// <summary>GetJobRun.</summary>
    Task<JobRun> GetJobRunAsync(string jobName, string runId, CancellationToken cancellationToken = default);

    /// <summary>GetJobRuns: one page, newest first (at most 200 per page).</summary>
    Task<GetJobRunsPage> GetJobRunsAsync(string jobName, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default);
}
