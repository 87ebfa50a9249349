using System.Text.Json;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Glue.Api;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Glue.Crawlers.Crawling;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>
/// Crawler definitions and their run state (READY → RUNNING → STOPPING → READY), kept in
/// <c>&lt;data dir&gt;/glue/crawlers.json</c>. The crawl itself is <see cref="CrawlerRunner"/>'s; this class only keeps
/// the transitions consistent. A crawler found STOPPING when the file is read was being stopped when LocalCloud went
/// down: it comes back READY with a CANCELLED last crawl. One found RUNNING stays RUNNING until
/// <see cref="CrawlerRunner"/> crawls again at start (<see cref="ResumeInterruptedAsync"/>): on AWS a crawl a service
/// fault interrupts is finished by the service, and whoever waits for its Succeeded event (the ETL runner) must still
/// get it. Crawler names, unlike catalog names, are case-sensitive in Glue.
/// </summary>
internal sealed class GlueCrawlers
{
    public const string LogGroup = "/aws-glue/crawlers";

    // Enough history for a stable median without the file growing with every crawl.
    private const int RuntimeHistory = 20;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;
    private readonly StateDocument<List<StoredCrawler>> _file;
    private List<StoredCrawler>? _crawlers;

    public GlueCrawlers(LocalCloudOptions cloud, TimeProvider time)
    {
        _time = time;
        _file = new(Path.Combine(cloud.DataDirectory, GlueCatalog.Folder, "crawlers.json"), GlueApiJsonContext.Default.ListStoredCrawler);
    }

    public async Task<Crawler> CreateAsync(CreateCrawlerRequest request, CancellationToken cancellationToken = default)
    {
        var name = CheckName(request.Name, "name");
        if (string.IsNullOrEmpty(request.Role))
        {
            throw GlueErrors.InvalidInput("1 validation error detected: Value null at 'role' failed to satisfy constraint: Member must not be null");
        }

        if (request.Targets is null)
        {
            throw GlueErrors.InvalidInput("1 validation error detected: Value null at 'targets' failed to satisfy constraint: Member must not be null");
        }

        if (request.Targets.S3Targets?.Any(t => string.IsNullOrEmpty(t.Path)) == true)
        {
            throw GlueErrors.InvalidInput("Every S3 target needs a Path.");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var crawlers = _crawlers ??= Load();
            if (crawlers.Any(c => c.Name == name))
            {
                throw GlueErrors.Exists($"{name} already exists");
            }

            var now = Now();
            var crawler = new StoredCrawler
            {
                Name = name,
                Role = request.Role,
                Targets = request.Targets,
                DatabaseName = request.DatabaseName,
                Description = request.Description,
                TablePrefix = request.TablePrefix,
                SchemaChangePolicy = request.SchemaChangePolicy ?? new SchemaChangePolicy { UpdateBehavior = "UPDATE_IN_DATABASE", DeleteBehavior = "DEPRECATE_IN_DATABASE" },
                RecrawlPolicy = request.RecrawlPolicy ?? new RecrawlPolicy { RecrawlBehavior = "CRAWL_EVERYTHING" },
                State = CrawlerStateValues.Ready,
                CreationTime = now,
                LastUpdated = now,
                Version = 1,
            };
            Save([.. crawlers, crawler]);
            return ToWire(crawler);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<Crawler> GetAsync(string? name, CancellationToken cancellationToken = default)
    {
        var checkedName = CheckName(name, "name");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return ToWire(Find(checkedName));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<CatalogPage<Crawler>> ListAsync(string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var page = CatalogPaging.Page(_crawlers ??= Load(), c => c.Name, nextToken, maxResults);
            return new CatalogPage<Crawler>(page.Items.Select(ToWire).ToList(), page.NextToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task DeleteAsync(string? name, CancellationToken cancellationToken = default)
    {
        var checkedName = CheckName(name, "name");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var crawlers = _crawlers ??= Load();
            var existing = crawlers.FirstOrDefault(c => c.Name == checkedName)
                ?? throw GlueErrors.NotFound($"Crawler entry with name {checkedName} does not exist");
            if (existing.State != CrawlerStateValues.Ready)
            {
                throw GlueErrors.RunningCannotChange(checkedName);
            }

            Save(crawlers.Where(c => c.Name != checkedName).ToList());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>ListCrawlers: the names only, in pages.</summary>
    public async Task<CatalogPage<string>> ListNamesAsync(string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        var page = await ListAsync(nextToken, maxResults, cancellationToken).ConfigureAwait(false);
        return new CatalogPage<string>(page.Items.Select(c => c.Name!).ToList(), page.NextToken);
    }

    /// <summary>UpdateCrawler: replaces the members the request sets; a running crawler cannot change.</summary>
    public async Task<Crawler> UpdateAsync(UpdateCrawlerRequest request, CancellationToken cancellationToken = default)
    {
        var name = CheckName(request.Name, "name");
        if (request.Targets?.S3Targets?.Any(t => string.IsNullOrEmpty(t.Path)) == true)
        {
            throw GlueErrors.InvalidInput("Every S3 target needs a Path.");
        }

        return ToWire(await ChangeAsync(name, crawler =>
        {
            if (crawler.State != CrawlerStateValues.Ready)
            {
                throw GlueErrors.RunningCannotChange(name);
            }

            return crawler with
            {
                Role = string.IsNullOrEmpty(request.Role) ? crawler.Role : request.Role,
                Targets = request.Targets ?? crawler.Targets,
                DatabaseName = request.DatabaseName ?? crawler.DatabaseName,
                Description = request.Description ?? crawler.Description,
                TablePrefix = request.TablePrefix ?? crawler.TablePrefix,
                SchemaChangePolicy = request.SchemaChangePolicy ?? crawler.SchemaChangePolicy,
                RecrawlPolicy = request.RecrawlPolicy ?? crawler.RecrawlPolicy,
                LastUpdated = Now(),
                Version = crawler.Version + 1,
            };
        }, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>READY → RUNNING; the stored definition the crawl runs with.</summary>
    /// <exception cref="AwsServiceException">CrawlerRunningException unless READY; EntityNotFoundException.</exception>
    public Task<StoredCrawler> BeginCrawlAsync(string? name, CancellationToken cancellationToken = default)
    {
        var checkedName = CheckName(name, "name");
        return ChangeAsync(checkedName, crawler => crawler.State == CrawlerStateValues.Ready
            ? crawler with { State = CrawlerStateValues.Running, CurrentCrawlStart = Now() }
            : throw GlueErrors.AlreadyRunning(checkedName), cancellationToken);
    }

    /// <summary>
    /// The crawlers a previous LocalCloud left RUNNING, their crawl restarted from now (a crawl scans everything, so
    /// it covers every object there is at its new start); the runner crawls them again.
    /// </summary>
    public async Task<IReadOnlyList<StoredCrawler>> ResumeInterruptedAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var crawlers = _crawlers ??= Load();
            if (!crawlers.Any(c => c.State == CrawlerStateValues.Running))
            {
                return [];
            }

            var now = Now();
            var resumed = crawlers.Select(c => c.State == CrawlerStateValues.Running ? c with { CurrentCrawlStart = now } : c).ToList();
            Save(resumed);
            return resumed.Where(c => c.State == CrawlerStateValues.Running).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>RUNNING → STOPPING; the runner cancels the crawl and finishes it as CANCELLED.</summary>
    /// <exception cref="AwsServiceException">CrawlerNotRunningException when READY, CrawlerStoppingException when STOPPING.</exception>
    public Task<StoredCrawler> RequestStopAsync(string? name, CancellationToken cancellationToken = default)
    {
        var checkedName = CheckName(name, "name");
        return ChangeAsync(checkedName, crawler => crawler.State switch
        {
            CrawlerStateValues.Running => crawler with { State = CrawlerStateValues.Stopping },
            CrawlerStateValues.Stopping => throw GlueErrors.Stopping(checkedName),
            _ => throw GlueErrors.NotRunning(checkedName),
        }, cancellationToken);
    }

    /// <summary>Back to READY with the crawl's outcome as LastCrawl; a crawl stopped on request ends CANCELLED whatever it reached.</summary>
    public Task<StoredCrawler> FinishCrawlAsync(string name, string status, string? errorMessage, CrawlCounts counts, CancellationToken cancellationToken = default) =>
        ChangeAsync(name, crawler =>
        {
            var start = crawler.CurrentCrawlStart ?? Now();
            var finalStatus = crawler.State == CrawlerStateValues.Stopping ? LastCrawlStatusValues.Cancelled : status;
            var stats = crawler.Stats ?? new CrawlerRunStats();
            var runtimes = stats.RecentRuntimes.Append(Math.Max(0, (Now() - start).TotalSeconds)).TakeLast(RuntimeHistory).ToList();
            return crawler with
            {
                State = CrawlerStateValues.Ready,
                CurrentCrawlStart = null,
                LastCrawl = LastCrawl(crawler.Name, finalStatus, finalStatus == LastCrawlStatusValues.Cancelled && errorMessage is null ? null : errorMessage, start),
                Stats = finalStatus == LastCrawlStatusValues.Succeeded
                    ? new CrawlerRunStats { RecentRuntimes = runtimes, TablesCreated = counts.TablesCreated, TablesUpdated = counts.TablesUpdated, TablesDeleted = counts.TablesDeleted }
                    : stats with { RecentRuntimes = runtimes },
            };
        }, cancellationToken);

    /// <summary>GetCrawlerMetrics: the named crawlers that exist (all when <paramref name="names"/> is empty), in pages.</summary>
    public async Task<CatalogPage<CrawlerMetrics>> MetricsAsync(IReadOnlyList<string>? names, string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        if (names is { Count: > 100 })
        {
            throw GlueErrors.InvalidInput("1 validation error detected: Value at 'crawlerNameList' failed to satisfy constraint: Member must have length less than or equal to 100");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var crawlers = (_crawlers ??= Load()).Where(c => names is not { Count: > 0 } || names.Contains(c.Name, StringComparer.Ordinal)).ToList();
            var page = CatalogPaging.Page(crawlers, c => c.Name, nextToken, maxResults);
            return new CatalogPage<CrawlerMetrics>(page.Items.Select(Metrics).ToList(), page.NextToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private CrawlerMetrics Metrics(StoredCrawler crawler)
    {
        var runtimes = crawler.Stats?.RecentRuntimes ?? [];
        var median = Median(runtimes);
        var running = crawler.State != CrawlerStateValues.Ready;
        var elapsed = running && crawler.CurrentCrawlStart is { } start ? Math.Max(0, (Now() - start).TotalSeconds) : 0;
        return new CrawlerMetrics
        {
            CrawlerName = crawler.Name,
            TimeLeftSeconds = running ? Math.Max(0, median - elapsed) : 0,
            StillEstimating = running && runtimes.Count == 0,
            LastRuntimeSeconds = runtimes.Count > 0 ? runtimes[^1] : 0,
            MedianRuntimeSeconds = median,
            TablesCreated = crawler.Stats?.TablesCreated ?? 0,
            TablesUpdated = crawler.Stats?.TablesUpdated ?? 0,
            TablesDeleted = crawler.Stats?.TablesDeleted ?? 0,
        };
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static LastCrawlInfo LastCrawl(string name, string status, string? errorMessage, DateTimeOffset start) => new()
    {
        Status = status,
        ErrorMessage = errorMessage,
        LogGroup = LogGroup,
        LogStream = name,
        MessagePrefix = Guid.NewGuid().ToString(),
        StartTime = start,
    };

    // What GetCrawler answers: the file-only members dropped, the elapsed time of a running crawl added.
    private Crawler ToWire(StoredCrawler crawler) => new()
    {
        Name = crawler.Name,
        Role = crawler.Role,
        Targets = crawler.Targets,
        DatabaseName = crawler.DatabaseName,
        Description = crawler.Description,
        TablePrefix = crawler.TablePrefix,
        SchemaChangePolicy = crawler.SchemaChangePolicy,
        RecrawlPolicy = crawler.RecrawlPolicy,
        State = crawler.State,
        CrawlElapsedTime = crawler.State != CrawlerStateValues.Ready && crawler.CurrentCrawlStart is { } start
            ? Math.Max(0, (long)Math.Round((Now() - start).TotalMilliseconds))
            : null,
        CreationTime = crawler.CreationTime,
        LastUpdated = crawler.LastUpdated,
        LastCrawl = crawler.LastCrawl,
        Version = crawler.Version,
    };

    private StoredCrawler Find(string name) =>
        (_crawlers ??= Load()).FirstOrDefault(c => c.Name == name) ?? throw GlueErrors.CrawlerNotFound(name);

    private async Task<StoredCrawler> ChangeAsync(string name, Func<StoredCrawler, StoredCrawler> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var crawlers = _crawlers ??= Load();
            var existing = Find(name);
            var changed = change(existing);
            Save(crawlers.Select(c => c.Name == name ? changed : c).ToList());
            return changed;
        }
        finally
        {
            _gate.Release();
        }
    }

    // Whole milliseconds, as the JSON protocol writes timestamps, so a reloaded crawler compares equal.
    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());

    private static string CheckName(string? name, string member)
    {
        // Same limits as catalog names, but the name is kept as given.
        GlueCatalog.Name(name, member);
        return name!;
    }

    private List<StoredCrawler> Load()
    {
        var crawlers = _file.Load() ?? [];
        if (!crawlers.Any(c => c.State == CrawlerStateValues.Stopping))
        {
            return crawlers;
        }

        // A stop was asked for and LocalCloud went down before the crawl noticed: the stop wins.
        var recovered = crawlers.Select(c => c.State != CrawlerStateValues.Stopping ? c : c with
        {
            State = CrawlerStateValues.Ready,
            CurrentCrawlStart = null,
            LastCrawl = LastCrawl(c.Name, LastCrawlStatusValues.Cancelled, "LocalCloud stopped while the crawl was running.", c.CurrentCrawlStart ?? Now()),
        }).ToList();
        Save(recovered);
        return recovered;
    }

    private void Save(List<StoredCrawler> crawlers)
    {
        _file.Save(crawlers);
        _crawlers = crawlers;
    }
}
