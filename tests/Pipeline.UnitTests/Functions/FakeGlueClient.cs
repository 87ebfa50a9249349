using System.Collections.Concurrent;
using System.Net;
using Pipeline.Aws;
using Pipeline.Aws.Glue;

namespace Pipeline.UnitTests.Functions;

/// <summary>
/// An in-memory Glue for the functions' logic: scripted answers for the calls the functions make, a record of every
/// call, and <see cref="NotSupportedException"/> for the rest so a test sees an unexpected call at once.
/// </summary>
internal sealed class FakeGlueClient : IGlueClient
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public List<string> StartedCrawlers { get; } = [];

    public List<StartJobRunRequest> StartedJobRuns { get; } = [];

    /// <summary>StartCrawler's answer per crawler name: null succeeds.</summary>
    public Func<string, Exception?> StartCrawlerError { get; set; } = _ => null;

    /// <summary>GetCrawler's answer per crawler name.</summary>
    public Func<string, Crawler> Crawler { get; set; } = name => throw Error("GetCrawler", GlueErrorCodes.EntityNotFound, $"Crawler entry with name {name} does not exist");

    /// <summary>Runs per job, newest first, served in pages of <see cref="PageSize"/>.</summary>
    public Dictionary<string, List<JobRun>> JobRuns { get; } = new(StringComparer.Ordinal);

    /// <summary>Errors StartJobRun throws, one per call, before it succeeds.</summary>
    public Queue<Exception> StartJobRunErrors { get; } = new();

    /// <summary>When set, every StartJobRun throws this.</summary>
    public Func<Exception>? StartJobRunAlwaysFails { get; set; }

    public int PageSize { get; set; } = 2;

    public static AwsServiceException Error(string operation, string code, string message) =>
        new("Glue", operation, code, message, HttpStatusCode.BadRequest, "req-" + Guid.NewGuid().ToString("N"));

    public Task StartCrawlerAsync(string name, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue($"StartCrawler {name}");
        if (StartCrawlerError(name) is { } error)
        {
            throw error;
        }

        StartedCrawlers.Add(name);
        return Task.CompletedTask;
    }

    public Task<Crawler> GetCrawlerAsync(string name, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue($"GetCrawler {name}");
        return Task.FromResult(Crawler(name));
    }

    public Task<GetPartitionsPage> GetPartitionsAsync(string databaseName, string tableName, string? expression = null, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("No function reads partitions.");

    public Task<string> StartJobRunAsync(StartJobRunRequest request, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue($"StartJobRun {request.JobName}");
        if (StartJobRunAlwaysFails is { } always)
        {
            throw always();
        }

        if (StartJobRunErrors.TryDequeue(out var error))
        {
            throw error;
        }

        StartedJobRuns.Add(request);
        return Task.FromResult($"jr_{StartedJobRuns.Count:D4}");
    }

    public Task<JobRun> GetJobRunAsync(string jobName, string runId, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue($"GetJobRun {jobName} {runId}");
        var run = JobRuns.TryGetValue(jobName, out var runs) ? runs.FirstOrDefault(r => r.Id == runId) : null;
        return run is null
            ? throw Error("GetJobRun", GlueErrorCodes.EntityNotFound, $"Job run {runId} of {jobName} not found.")
            : Task.FromResult(run);
    }

    public Task<GetJobRunsPage> GetJobRunsAsync(string jobName, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue($"GetJobRuns {jobName}");
        var (page, next) = Page(JobRuns.TryGetValue(jobName, out var runs) ? runs : [], nextToken);
        return Task.FromResult(new GetJobRunsPage(page, next));
    }

    public Task CreateCrawlerAsync(CreateCrawlerRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task CreateDatabaseAsync(DatabaseInput database, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<GetTablesPage> GetTablesAsync(string databaseName, string? expression = null, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<string> CreateJobAsync(CreateJobRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    private (IReadOnlyList<T> Page, string? Next) Page<T>(List<T> all, string? token)
    {
        var start = token is null ? 0 : int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
        var page = all.Skip(start).Take(PageSize).ToArray();
        var next = start + PageSize < all.Count ? (start + PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return (page, next);
    }
}
