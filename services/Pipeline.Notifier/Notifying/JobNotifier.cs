using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pipeline.Aws.Glue;
using Pipeline.Aws.Sns;
using Pipeline.AwsShapes.Sns;
using Pipeline.Contracts.Aws.EventBridge;
using Pipeline.Contracts.Datasets;

namespace Pipeline.Notifier.Notifying;

/// <summary>
/// Turns a final <c>Glue Job State Change</c> of a pipeline ETL job into one SNS notification (docs/orchestration.md,
/// "Notifier"): GetJobRun, the run summary from S3, then Publish. EventBridge delivers at least once and a standard
/// topic does not deduplicate, so a duplicate event publishes a second, identical notification.
/// </summary>
public sealed partial class JobNotifier
{
    public const string RunSummaryPathArgument = "--run_summary_path";
    public const string DatasetArgument = "--dataset";

    private readonly IGlueClient _glue;
    private readonly IObjectReader _objects;
    private readonly ISnsClient _sns;
    private readonly DatasetCatalog _catalog;
    private readonly NotifierSettings _settings;
    private readonly ILogger<JobNotifier> _logger;

    public JobNotifier(IGlueClient glue, IObjectReader objects, ISnsClient sns, DatasetCatalog catalog, NotifierSettings settings, ILogger<JobNotifier> logger)
    {
        ArgumentNullException.ThrowIfNull(glue);
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(sns);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logger);
        _glue = glue;
        _objects = objects;
        _sns = sns;
        _catalog = catalog;
        _settings = settings;
        _logger = logger;
    }

    /// <summary>Reads the run and its summary and publishes the notification.</summary>
    public async Task<NotifierOutcome> HandleAsync(EventBridgeEvent<GlueJobStateChange> jobEvent, CancellationToken cancellationToken)
    {
        var report = await ReadAsync(jobEvent, cancellationToken).ConfigureAwait(false);
        return report is null ? new NotifierOutcome(NotifierAction.Ignored) : await PublishAsync(report, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The dataset of a pipeline ETL job (<c>P-&lt;dataset&gt;-etl</c>), or null for any other job.</summary>
    public string? DatasetOfJob(string? jobName)
    {
        if (jobName is null)
        {
            return null;
        }

        var known = _catalog.All.Select(d => d.Name).FirstOrDefault(name => DeploymentDescription.EtlJobName(_settings.NamePrefix, name) == jobName);
        if (known is not null)
        {
            return known;
        }

        // A dataset added after this function was configured still gets its notification.
        var start = _settings.NamePrefix + "-";
        const string end = "-etl";
        return jobName.Length > start.Length + end.Length && jobName.StartsWith(start, StringComparison.Ordinal) && jobName.EndsWith(end, StringComparison.Ordinal)
            ? jobName[start.Length..^end.Length]
            : null;
    }

    /// <summary>Everything the notification says; null when the event is not one to notify about.</summary>
    public async Task<JobRunReport?> ReadAsync(EventBridgeEvent<GlueJobStateChange> jobEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobEvent);
        var detail = jobEvent.Detail;
        if (jobEvent.DetailType != GlueJobStateChange.DetailType || detail is null || DatasetOfJob(detail.JobName) is not { } jobDataset)
        {
            LogIgnoredJob(detail?.JobName ?? "(none)", jobEvent.DetailType, jobEvent.Id);
            return null;
        }

        if (detail.State is not (GlueJobRunState.Succeeded or GlueJobRunState.Failed or GlueJobRunState.Timeout or GlueJobRunState.Stopped or GlueJobRunState.Error))
        {
            LogIgnoredState(detail.JobName, detail.JobRunId, detail.State.ToString());
            return null;
        }

        // A failure here fails the invocation: EventBridge retries it, and nothing is published half-known.
        var run = await _glue.GetJobRunAsync(detail.JobName, detail.JobRunId, cancellationToken).ConfigureAwait(false);
        var dataset = run.Arguments is { } args && args.TryGetValue(DatasetArgument, out var named) && !string.IsNullOrWhiteSpace(named) ? named : jobDataset;

        var (bucket, key) = SummaryLocation(run, detail.JobName, detail.JobRunId);
        var location = $"s3://{bucket}/{key}";
        RunSummary? summary = null;
        string? problem = null;
        try
        {
            var bytes = await _objects.ReadAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                problem = detail.State == GlueJobRunState.Succeeded ? "missing" : "none (the run did not finish, so it wrote none)";
            }
            else
            {
                summary = JsonSerializer.Deserialize(bytes, NotifierJsonContext.Default.RunSummary);
                problem = summary is null ? "empty" : null;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            problem = $"unreadable ({e.Message})";
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            // The notification matters more than its figures: say the summary could not be read rather than not notify.
            problem = $"could not be read ({e.GetType().Name}: {e.Message})";
        }

        if (problem is not null)
        {
            LogSummaryProblem(location, problem);
        }

        return new JobRunReport(dataset, detail.JobName, detail.JobRunId, detail.State, run, location, summary, problem, LogUrl(jobEvent.Region, detail.JobName, detail.JobRunId));
    }

    /// <summary>Publishes the notification of <paramref name="report"/>.</summary>
    public async Task<NotifierOutcome> PublishAsync(JobRunReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var subject = NotificationText.Subject(report.Dataset, report.StateName);
        var message = NotificationText.Message(report, out var truncated);
        var result = await _sns.PublishAsync(new PublishInput { TopicArn = _settings.TopicArn, Subject = subject, Message = message }, cancellationToken).ConfigureAwait(false);
        LogPublished(subject, result.MessageId ?? "?", truncated);
        return new NotifierOutcome(NotifierAction.Published, result.MessageId, subject, truncated);
    }

    /// <summary>The run's <c>--run_summary_path</c> when it has one, else the deployment's <c>job_runs_prefix</c> in the data lake.</summary>
    public (string Bucket, string Key) SummaryLocation(JobRun run, string jobName, string runId)
    {
        ArgumentNullException.ThrowIfNull(run);
        var file = $"{jobName}/{runId}.json";
        if (run.Arguments is { } arguments
            && arguments.TryGetValue(RunSummaryPathArgument, out var path)
            && path.StartsWith("s3://", StringComparison.Ordinal)
            && path.Length > "s3://".Length)
        {
            var rest = path["s3://".Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var bucket = slash < 0 ? rest : rest[..slash];
            var prefix = slash < 0 ? "" : rest[(slash + 1)..];
            if (prefix.Length > 0 && !prefix.EndsWith('/'))
            {
                prefix += "/";
            }

            return (bucket, prefix + file);
        }

        return (DeploymentDescription.SharedResourceName(_settings.NamePrefix, "data-lake"), _catalog.Deployment.JobRunsPrefix + file);
    }

    /// <summary>The log link: the template with <c>{region}</c>, <c>{job_name}</c> and <c>{job_run_id}</c> filled in, URL-escaped.</summary>
    public string LogUrl(string region, string jobName, string runId) =>
        _settings.JobLogUrlTemplate
            .Replace("{region}", Uri.EscapeDataString(region ?? ""), StringComparison.Ordinal)
            .Replace("{job_name}", Uri.EscapeDataString(jobName), StringComparison.Ordinal)
            .Replace("{job_run_id}", Uri.EscapeDataString(runId), StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored {DetailType} event {EventId} of job {Job}: not an ETL job of this deployment")]
    private partial void LogIgnoredJob(string job, string detailType, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored job {Job} run {RunId} state {State}: not a final state")]
    private partial void LogIgnoredState(string job, string runId, string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run summary {Location}: {Problem}")]
    private partial void LogSummaryProblem(string location, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published '{Subject}' as {MessageId} (partitions truncated: {Truncated})")]
    private partial void LogPublished(string subject, string messageId, bool truncated);
}
