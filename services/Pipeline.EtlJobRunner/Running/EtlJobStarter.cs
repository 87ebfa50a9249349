using Microsoft.Extensions.Logging;
using Pipeline.Aws;
using Pipeline.Aws.Glue;
using Pipeline.Contracts.Aws.EventBridge;
using Pipeline.Contracts.Datasets;

namespace Pipeline.EtlJobRunner.Running;

/// <summary>
/// Starts the dataset's ETL job when its raw crawler succeeds (docs/orchestration.md, "EtlJobRunner"): once per
/// EventBridge event id. The run gets no <c>--partitions</c>: a crawl reports only the partitions it created, not the
/// older ones that received objects, so the job reads every raw partition and its bookmark skips what it has read.
/// </summary>
public sealed partial class EtlJobStarter
{
    private readonly IGlueClient _glue;
    private readonly DatasetCatalog _catalog;
    private readonly RunnerSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<EtlJobStarter> _logger;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public EtlJobStarter(
        IGlueClient glue,
        DatasetCatalog catalog,
        RunnerSettings settings,
        TimeProvider time,
        ILogger<EtlJobStarter> logger,
        Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(glue);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _glue = glue;
        _catalog = catalog;
        _settings = settings;
        _time = time;
        _logger = logger;
        _delay = delay ?? ((span, ct) => Task.Delay(span, time, ct));
    }

    /// <summary>The dataset whose raw crawler this is (<c>P-&lt;dataset&gt;-raw</c>), or null.</summary>
    public string? DatasetOfCrawler(string? crawlerName)
    {
        if (crawlerName is null)
        {
            return null;
        }

        return _catalog.All
            .Select(d => d.Name)
            .FirstOrDefault(name => DeploymentDescription.RawCrawlerName(_settings.NamePrefix, name) == crawlerName);
    }

    /// <param name="crawlerEvent">The <c>Glue Crawler State Change</c> event.</param>
    /// <param name="traceParent">The W3C context the job run continues, or null when nothing is traced.</param>
    /// <exception cref="CrawlFailedException">The crawler reported <c>Failed</c>.</exception>
    /// <exception cref="AwsServiceException">Glue failed, or stayed at its concurrency limit past the retry budget.</exception>
    public async Task<RunnerOutcome> HandleAsync(EventBridgeEvent<GlueCrawlerStateChange> crawlerEvent, string? traceParent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crawlerEvent);
        var detail = crawlerEvent.Detail;
        var crawler = detail?.CrawlerName;
        if (crawlerEvent.DetailType != GlueCrawlerStateChange.DetailType || detail is null || DatasetOfCrawler(crawler) is not { } dataset)
        {
            LogIgnoredCrawler(crawler ?? "(none)", crawlerEvent.DetailType, crawlerEvent.Id);
            return new RunnerOutcome(RunnerAction.Ignored);
        }

        switch (detail.State)
        {
            case GlueCrawlerState.Failed:
                var reason = string.Join(": ", new[] { detail.Message, detail.ErrorMessage }.Where(s => !string.IsNullOrWhiteSpace(s)));
                reason = reason.Length == 0 ? "no message" : reason;
                LogCrawlFailed(crawler!, dataset, reason, crawlerEvent.Id);
                throw new CrawlFailedException(crawler!, reason);
            case GlueCrawlerState.Succeeded:
                break;
            default:
                LogIgnoredState(crawler!, detail.State.ToString());
                return new RunnerOutcome(RunnerAction.Ignored, dataset);
        }

        var job = DeploymentDescription.EtlJobName(_settings.NamePrefix, dataset);
        if (await FindRunOfEventAsync(job, crawlerEvent.Id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            LogDuplicate(crawlerEvent.Id, job, existing);
            return new RunnerOutcome(RunnerAction.Duplicate, dataset, job, existing);
        }

        var arguments = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [JobArguments.Dataset] = dataset,
            [JobArguments.SourceEventId] = crawlerEvent.Id,
        };
        if (!string.IsNullOrEmpty(traceParent))
        {
            arguments[JobArguments.TraceParent] = traceParent;
        }

        var runId = await StartWithRetriesAsync(new StartJobRunRequest { JobName = job, Arguments = arguments }, cancellationToken).ConfigureAwait(false);
        LogStarted(job, runId, dataset, crawlerEvent.Id);
        return new RunnerOutcome(RunnerAction.Started, dataset, job, runId);
    }

    /// <summary>The id of a recent run started for <paramref name="eventId"/>, or null.</summary>
    private async Task<string?> FindRunOfEventAsync(string job, string eventId, CancellationToken cancellationToken)
    {
        var searched = 0;
        string? token = null;
        do
        {
            var page = await _glue.GetJobRunsAsync(job, token, null, cancellationToken).ConfigureAwait(false);
            foreach (var run in page.JobRuns ?? [])
            {
                if (run.Arguments is { } arguments
                    && arguments.TryGetValue(JobArguments.SourceEventId, out var id)
                    && id == eventId)
                {
                    return run.Id;
                }

                searched++;
            }

            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null && searched < _settings.DuplicateSearchRuns);

        return null;
    }

    /// <summary>
    /// StartJobRun, retrying <c>ConcurrentRunsExceededException</c> with doubling backoff within the budget. On AWS the
    /// job has run queuing on (Terraform's etl module), so Glue queues a run started during another and this error does
    /// not come; the retry covers a job without a queue (LocalCloud's).
    /// </summary>
    private async Task<string> StartWithRetriesAsync(StartJobRunRequest request, CancellationToken cancellationToken)
    {
        var began = _time.GetUtcNow();
        var backoff = _settings.FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _glue.StartJobRunAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e) when (e.ErrorCode == GlueErrorCodes.ConcurrentRunsExceeded
                && _time.GetUtcNow() - began + backoff <= _settings.ConcurrencyRetryBudget)
            {
                LogConcurrencyRetry(request.JobName, attempt, backoff.TotalSeconds);
            }

            await _delay(backoff, cancellationToken).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _settings.MaxBackoff.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored {DetailType} event {EventId} of crawler {Crawler}: not a raw crawler of this deployment")]
    private partial void LogIgnoredCrawler(string crawler, string detailType, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored crawler {Crawler} state {State}")]
    private partial void LogIgnoredState(string crawler, string state);

    [LoggerMessage(Level = LogLevel.Error, Message = "Crawler {Crawler} of {Dataset} failed: {Reason} (event {EventId}); no job run")]
    private partial void LogCrawlFailed(string crawler, string dataset, string reason, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} was delivered again: {Job} run {RunId} already carries it")]
    private partial void LogDuplicate(string eventId, string job, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} is at its concurrent-runs limit (attempt {Attempt}); retrying in {Seconds} s")]
    private partial void LogConcurrencyRetry(string job, int attempt, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started {Job} run {RunId} for {Dataset} (event {EventId})")]
    private partial void LogStarted(string job, string runId, string dataset, string eventId);
}
