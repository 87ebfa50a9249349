using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Events;
using Pipeline.LocalCloud.Glue.Api;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.LocalCloud.Glue.Jobs;

/// <summary>
/// Glue jobs and their runs: definitions in <c>&lt;data dir&gt;/glue/jobs.json</c>, runs in
/// <c>&lt;data dir&gt;/glue/job-runs.json</c>. A run executes in the background with the script chosen by the file name of
/// the job's script location; finished runs emit <c>Glue Job State Change</c> on the default bus. A FAILED run is
/// retried as Glue does, by a new run <c>&lt;first id&gt;_attempt_&lt;n&gt;</c> with the same arguments, up to the job's
/// MaxRetries. A run LocalCloud was still executing when it stopped (a crash, a kill) is FAILED with
/// <see cref="InterruptedMessage"/> at the next start and retried then whatever MaxRetries says: the fault was
/// LocalCloud's, not the script's, and the pipeline's ETL is idempotent (bookmark last, dedupe against stage), so
/// the retry brings stage to what an uninterrupted run would have left. Job names are case-sensitive, as in Glue.
/// </summary>
internal sealed class GlueJobs : IAsyncDisposable
{
    public const int DefaultTimeoutMinutes = 2880;

    public const int DefaultMaxConcurrentRuns = 1;

    public const string LogGroupName = "/aws-glue/jobs";

    public const string InterruptedMessage = "LocalCloud stopped while this run was in progress, so the run did not finish; it is retried as a new attempt.";

    private const int MaxRunPageSize = 200;

    private readonly Lock _lock = new();
    private readonly LocalCloudOptions _cloud;
    private readonly TimeProvider _time;
    private readonly IEventBus? _events;
    private readonly IReadOnlyList<IGlueJobScript> _scripts;
    private readonly ILogger _logger;
    private readonly StateDocument<List<Job>> _jobsFile;
    private readonly StateDocument<List<JobRun>> _runsFile;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Dictionary<string, ActiveRun> _active = new(StringComparer.Ordinal);
    private List<Job>? _jobs;
    private List<JobRun>? _runs;
    private List<JobRun> _interrupted = [];
    private List<JobRun> _toRetry = [];
    private int _disposed;

    public GlueJobs(LocalCloudOptions cloud, TimeProvider time, IEnumerable<IGlueJobScript> scripts, IEventBus? events = null, ILogger<GlueJobs>? logger = null)
    {
        _cloud = cloud;
        _time = time;
        _events = events;
        _scripts = scripts.ToList();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _jobsFile = new(Path.Combine(cloud.DataDirectory, GlueCatalog.Folder, "jobs.json"), GlueApiJsonContext.Default.ListJob);
        _runsFile = new(Path.Combine(cloud.DataDirectory, GlueCatalog.Folder, "job-runs.json"), GlueApiJsonContext.Default.ListJobRun);
    }

    public async Task<Job> CreateAsync(string? name, JobUpdate definition, CancellationToken cancellationToken = default)
    {
        var checkedName = CheckName(name, "name");
        Check(definition);
        Job job;
        lock (_lock)
        {
            var jobs = LoadJobs();
            if (jobs.Any(j => j.Name == checkedName))
            {
                throw GlueErrors.Exists($"{checkedName} already exists.");
            }

            var now = Now();
            job = Define(checkedName, definition, now, now);
            SaveJobs([.. jobs, job]);
        }

        await EmitInterruptedAsync(cancellationToken).ConfigureAwait(false);
        return job;
    }

    public async Task<Job> GetAsync(string? name, CancellationToken cancellationToken = default)
    {
        var checkedName = CheckName(name, "jobName");
        Job job;
        lock (_lock)
        {
            job = Find(checkedName);
        }

        await EmitInterruptedAsync(cancellationToken).ConfigureAwait(false);
        return job;
    }

    public Task<CatalogPage<Job>> ListAsync(string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(CatalogPaging.Page(LoadJobs(), j => j.Name!, nextToken, maxResults));
        }
    }

    public Task<string> UpdateAsync(string? name, JobUpdate? update, CancellationToken cancellationToken = default)
    {
        var checkedName = CheckName(name, "jobName");
        if (update is null)
        {
            throw Missing("jobUpdate");
        }

        Check(update);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var jobs = LoadJobs();
            var existing = Find(checkedName);
            SaveJobs(jobs.Select(j => j.Name == checkedName ? Define(checkedName, update, existing.CreatedOn ?? Now(), Now()) : j).ToList());
        }

        return Task.FromResult(checkedName);
    }

    /// <summary>Deletes the definition (Glue answers the name whether or not it existed); runs already started finish.</summary>
    public Task<string> DeleteAsync(string? name, CancellationToken cancellationToken = default)
    {
        var checkedName = CheckName(name, "jobName");
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var jobs = LoadJobs();
            if (jobs.Any(j => j.Name == checkedName))
            {
                SaveJobs(jobs.Where(j => j.Name != checkedName).ToList());
            }
        }

        return Task.FromResult(checkedName);
    }

    /// <summary>Starts a run in the background and returns its id at once, as Glue does.</summary>
    /// <exception cref="AwsServiceException">EntityNotFoundException, ConcurrentRunsExceededException, InvalidInputException.</exception>
    public async Task<string> StartRunAsync(StartJobRunRequest request, CancellationToken cancellationToken = default)
    {
        var jobName = CheckName(request.JobName, "jobName");
        if (request.Timeout is < 1)
        {
            throw GlueErrors.InvalidInput($"1 validation error detected: Value '{request.Timeout}' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }

        await EmitInterruptedAsync(cancellationToken).ConfigureAwait(false);
        ActiveRun active;
        Job job;
        JobRun run;
        lock (_lock)
        {
            job = LoadJobs().FirstOrDefault(j => j.Name == jobName)
                ?? throw GlueErrors.NotFound("Failed to start job run due to missing metadata");
            var runs = LoadRuns();
            if (request.JobRunId is { } retried && runs.Any(r => r.Id == retried))
            {
                throw GlueErrors.InvalidInput($"Job run {retried} already exists.");
            }

            var max = job.ExecutionProperty?.MaxConcurrentRuns ?? DefaultMaxConcurrentRuns;
            var inProgress = runs.Count(r => r.JobName == jobName && r.JobRunState is JobRunStateValues.Starting or JobRunStateValues.Running);
            if (inProgress >= max)
            {
                throw new AwsServiceException("ConcurrentRunsExceededException", $"Concurrent runs exceeded for {jobName}");
            }

            var now = Now();
            run = new JobRun
            {
                Id = JobRunIds.New(),
                Attempt = 0,
                JobName = jobName,
                StartedOn = now,
                LastModifiedOn = now,
                JobRunState = JobRunStateValues.Starting,
                Arguments = request.Arguments ?? new Dictionary<string, string>(),
                ExecutionTime = 0,
                Timeout = request.Timeout ?? job.Timeout ?? DefaultTimeoutMinutes,
                MaxCapacity = job.MaxCapacity,
                WorkerType = request.WorkerType ?? job.WorkerType,
                NumberOfWorkers = request.NumberOfWorkers ?? job.NumberOfWorkers,
                GlueVersion = job.GlueVersion,
                LogGroupName = LogGroupName,
            };
            active = Begin(runs, run);
        }

        active.Completion = Task.Run(() => ExecuteAsync(active, job, run), CancellationToken.None);
        return run.Id!;
    }

    /// <summary>Starts the next attempt of a FAILED run, with its arguments and settings; null if its job is gone.</summary>
    private string? Retry(JobRun failed)
    {
        ActiveRun active;
        Job? job;
        JobRun retry;
        lock (_lock)
        {
            job = LoadJobs().FirstOrDefault(j => j.Name == failed.JobName);
            if (job is null)
            {
                return null;
            }

            var runs = LoadRuns();
            var attempt = (failed.Attempt ?? 0) + 1;
            var first = failed.PreviousRunId is null ? failed.Id! : failed.Id![..failed.Id!.LastIndexOf("_attempt_", StringComparison.Ordinal)];
            var now = Now();
            retry = failed with
            {
                Id = $"{first}_attempt_{attempt}",
                Attempt = attempt,
                PreviousRunId = failed.Id,
                StartedOn = now,
                LastModifiedOn = now,
                CompletedOn = null,
                ExecutionTime = 0,
                ErrorMessage = null,
                JobRunState = JobRunStateValues.Starting,
            };
            active = Begin(runs, retry);
        }

        _logger.LogInformation("Glue job {Job} run {RunId} is retried as {RetryId}", failed.JobName, failed.Id, retry.Id);
        active.Completion = Task.Run(() => ExecuteAsync(active, job, retry), CancellationToken.None);
        return retry.Id;
    }

    private ActiveRun Begin(List<JobRun> runs, JobRun run)
    {
        SaveRuns([.. runs, run]);
        var active = new ActiveRun(run.JobName!, run.Id!, _shutdown.Token);
        _active[run.Id!] = active;
        return active;
    }

    public async Task<JobRun> GetRunAsync(string? jobName, string? runId, CancellationToken cancellationToken = default)
    {
        var name = CheckName(jobName, "jobName");
        var id = CheckName(runId, "runId");
        await EmitInterruptedAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            return LoadRuns().FirstOrDefault(r => r.JobName == name && r.Id == id)
                ?? throw GlueErrors.NotFound($"Job Run Id {id} for job {name} not found");
        }
    }

    /// <summary>The job's runs, newest first.</summary>
    public async Task<CatalogPage<JobRun>> GetRunsAsync(string? jobName, string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        var name = CheckName(jobName, "jobName");
        if (maxResults is < 1 or > MaxRunPageSize)
        {
            throw GlueErrors.InvalidInput($"1 validation error detected: Value '{maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and {MaxRunPageSize}");
        }

        await EmitInterruptedAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (!LoadJobs().Any(j => j.Name == name))
            {
                throw GlueErrors.NotFound($"Job with name: {name} not found");
            }

            // Newest first; the list is in start order, so ties on the clock keep the later start first.
            var runs = LoadRuns().Where(r => r.JobName == name).Reverse().OrderByDescending(r => r.StartedOn).ToList();
            var start = 0;
            if (nextToken is not null)
            {
                var index = runs.FindIndex(r => r.Id == nextToken);
                if (index < 0)
                {
                    throw GlueErrors.InvalidInput("Invalid pagination token");
                }

                start = index + 1;
            }

            var size = maxResults ?? 100;
            var page = runs.Skip(start).Take(size).ToList();
            var more = start + size < runs.Count;
            return new CatalogPage<JobRun>(page, more ? page[^1].Id : null);
        }
    }

    /// <summary>Asks runs to stop: STARTING and RUNNING runs go to STOPPING, then STOPPED once their work has ended.</summary>
    public Task<BatchStopJobRunResponse> StopRunsAsync(string? jobName, IReadOnlyList<string>? runIds, CancellationToken cancellationToken = default)
    {
        var name = CheckName(jobName, "jobName");
        if (runIds is null)
        {
            throw Missing("jobRunIds");
        }

        if (runIds.Count is < 1 or > 25)
        {
            throw GlueErrors.InvalidInput($"1 validation error detected: Value at 'jobRunIds' failed to satisfy constraint: Member must have length between 1 and 25");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var stopped = new List<BatchStopJobRunSuccessfulSubmission>();
        var errors = new List<BatchStopJobRunError>();
        var toStop = new List<ActiveRun>();
        lock (_lock)
        {
            var runs = LoadRuns();
            foreach (var id in runIds)
            {
                var index = runs.FindIndex(r => r.JobName == name && r.Id == id);
                if (index < 0)
                {
                    errors.Add(StopError(name, id, "EntityNotFoundException", $"Job Run Id {id} for job {name} not found"));
                }
                else if (runs[index].JobRunState is not (JobRunStateValues.Starting or JobRunStateValues.Running))
                {
                    errors.Add(StopError(name, id, "InvalidInputException", $"Job Run cannot be stopped in current state {runs[index].JobRunState}."));
                }
                else
                {
                    runs[index] = runs[index] with { JobRunState = JobRunStateValues.Stopping, LastModifiedOn = Now() };
                    stopped.Add(new BatchStopJobRunSuccessfulSubmission { JobName = name, JobRunId = id });
                    if (_active.TryGetValue(id, out var active))
                    {
                        toStop.Add(active);
                    }
                }
            }

            SaveRuns(runs);
        }

        foreach (var active in toStop)
        {
            active.Stop();
        }

        return Task.FromResult(new BatchStopJobRunResponse { SuccessfulSubmissions = stopped, Errors = errors });
    }

    /// <summary>
    /// Loads the state, failing the runs a previous LocalCloud left unfinished, emits their events and retries them;
    /// returns the ids of the retries.
    /// </summary>
    public async Task<IReadOnlyList<string>> RecoverAsync(CancellationToken cancellationToken = default)
    {
        List<JobRun> interrupted;
        lock (_lock)
        {
            LoadRuns();
            interrupted = _toRetry;
            _toRetry = [];
        }

        await EmitInterruptedAsync(cancellationToken).ConfigureAwait(false);
        var retries = new List<string>();
        foreach (var run in interrupted)
        {
            if (Retry(run) is { } id)
            {
                retries.Add(id);
            }
        }

        return retries;
    }

    /// <summary>Completes when the run has reached its final state (for tests and shutdown).</summary>
    public Task WaitForRunAsync(string runId)
    {
        lock (_lock)
        {
            return _active.TryGetValue(runId, out var active) ? active.Completion : Task.CompletedTask;
        }
    }

    /// <summary>Ends the runs in progress without recording an outcome: the next start fails them as interrupted.</summary>
    public async ValueTask DisposeAsync()
    {
        // The host stops it, and the container disposes it again.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Task[] running;
        lock (_lock)
        {
            running = _active.Values.Select(a => a.Completion).ToArray();
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Glue job runs did not end within 30 seconds of shutdown.");
        }

        _shutdown.Dispose();
    }

    private async Task ExecuteAsync(ActiveRun active, Job job, JobRun run)
    {
        // Glue carries no trace; the run continues the one its --traceparent argument names (the ETL runner's), else
        // the StartJobRun call's. Its state-change event is put inside it, so the notifier continues the same trace.
        var parent = TraceParent.TryParse(run.Arguments?.GetValueOrDefault("--" + TraceParent.FieldName), out var caller) ? caller : Activity.Current?.Context ?? default;
        using var activity = GlueTelemetry.Source.StartActivity($"Glue job run {active.JobName}", ActivityKind.Internal, parent);
        activity?.SetTag("aws.glue.job", active.JobName);
        activity?.SetTag("aws.glue.job_run_id", active.JobRunId);
        var clock = _time.GetTimestamp();
        var log = new JobRunLog(_cloud.DataDirectory, active.JobName, active.JobRunId, _time);
        var timeout = TimeSpan.FromMinutes(run.Timeout ?? DefaultTimeoutMinutes);
        using var timer = _time.CreateTimer(_ => active.TimeOut(), null, timeout, Timeout.InfiniteTimeSpan);
        string final;
        string? error = null;
        try
        {
            Transition(active.JobRunId, r => r.JobRunState == JobRunStateValues.Starting ? r with { JobRunState = JobRunStateValues.Running } : r);
            var location = job.Command?.ScriptLocation ?? string.Empty;
            var fileName = location[(location.LastIndexOf('/') + 1)..];
            var script = _scripts.FirstOrDefault(s => s.FileName == fileName)
                ?? throw new InvalidOperationException(_scripts.Count == 0
                    ? $"Unsupported script '{location}': LocalCloud runs no script; {GlueRegistration.ScriptsSection}:{fileName} names the program that would run it"
                    : $"Unsupported script '{location}': LocalCloud runs only {string.Join(", ", _scripts.Select(s => s.FileName))}");
            var arguments = JobArguments.Merge(job.DefaultArguments, run.Arguments, job.NonOverridableArguments);
            log.Write($"Run {active.JobRunId} of {active.JobName} started with script {location}");
            active.Token.ThrowIfCancellationRequested();
            await script.RunAsync(new JobRunContext(active.JobName, active.JobRunId, arguments, log), active.Token).ConfigureAwait(false);
            final = JobRunStateValues.Succeeded;
        }
        catch (Exception) when (_shutdown.IsCancellationRequested && !active.StopRequested && !active.TimedOut)
        {
            log.Write("LocalCloud is shutting down; the run is abandoned.");
            Forget(active);
            return;
        }
        catch (Exception) when (active.TimedOut)
        {
            final = JobRunStateValues.Timeout;
            error = $"Job run timed out after {run.Timeout} minutes.";
        }
        catch (Exception) when (active.StopRequested)
        {
            final = JobRunStateValues.Stopped;
        }
        catch (Exception e)
        {
            final = JobRunStateValues.Failed;
            error = e.Message;
            log.Write("ERROR " + e);
        }

        log.Write($"Run {active.JobRunId} finished: {final}{(error is null ? string.Empty : " - " + error)}");
        activity?.SetTag("aws.glue.job_run_state", final);
        if (final != JobRunStateValues.Succeeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error ?? final);
        }

        GlueTelemetry.JobRunDuration.Record(
            _time.GetElapsedTime(clock).TotalSeconds,
            new KeyValuePair<string, object?>("aws.glue.job", active.JobName),
            new KeyValuePair<string, object?>("aws.glue.job_run_state", final));
        var finished = Transition(active.JobRunId, r => Finish(r, final, error));
        Forget(active);
        _logger.LogInformation("Glue job {Job} run {RunId} {State}", active.JobName, active.JobRunId, final);
        await EmitAsync(finished, CancellationToken.None).ConfigureAwait(false);
        if (final == JobRunStateValues.Failed && (finished.Attempt ?? 0) < (job.MaxRetries ?? 0) && !_shutdown.IsCancellationRequested)
        {
            Retry(finished);
        }
    }

    private JobRun Finish(JobRun run, string state, string? error)
    {
        var now = Now();
        return run with
        {
            JobRunState = state,
            ErrorMessage = error,
            CompletedOn = now,
            LastModifiedOn = now,
            ExecutionTime = (int)Math.Round((now - (run.StartedOn ?? now)).TotalSeconds, MidpointRounding.AwayFromZero),
        };
    }

    private JobRun Transition(string runId, Func<JobRun, JobRun> change)
    {
        lock (_lock)
        {
            var runs = LoadRuns();
            var index = runs.FindIndex(r => r.Id == runId);
            var changed = change(runs[index]);
            if (changed != runs[index])
            {
                runs[index] = changed with { LastModifiedOn = Now() };
                SaveRuns(runs);
            }

            return runs[index];
        }
    }

    private void Forget(ActiveRun active)
    {
        lock (_lock)
        {
            _active.Remove(active.JobRunId);
        }

        active.Dispose();
    }

    private async Task EmitInterruptedAsync(CancellationToken cancellationToken)
    {
        List<JobRun> interrupted;
        lock (_lock)
        {
            interrupted = _interrupted;
            _interrupted = [];
        }

        foreach (var run in interrupted)
        {
            await EmitAsync(run, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EmitAsync(JobRun run, CancellationToken cancellationToken)
    {
        var detail = JobStateEvents.For(run.JobName!, run.Id!, run.JobRunState, run.ErrorMessage);
        if (detail is null || _events is null)
        {
            return;
        }

        try
        {
            await _events.PublishAsync(JobStateEvents.Source, JobStateEvents.DetailType, JsonSerializer.Serialize(detail, GlueApiJsonContext.Default.JobStateChangeDetail), [], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The run's outcome is recorded either way; a lost event is logged, not turned into a failed run.
            _logger.LogError(e, "Could not emit Glue Job State Change for {Job} run {RunId}", run.JobName, run.Id);
        }
    }

    private Job Find(string name) =>
        LoadJobs().FirstOrDefault(j => j.Name == name) ?? throw GlueErrors.NotFound($"Job with name: {name} not found");

    private static Job Define(string name, JobUpdate definition, DateTimeOffset createdOn, DateTimeOffset modifiedOn) => new()
    {
        Name = name,
        Description = definition.Description,
        LogUri = definition.LogUri,
        Role = definition.Role,
        CreatedOn = createdOn,
        LastModifiedOn = modifiedOn,
        ExecutionProperty = new ExecutionProperty { MaxConcurrentRuns = definition.ExecutionProperty?.MaxConcurrentRuns ?? DefaultMaxConcurrentRuns },
        Command = definition.Command,
        DefaultArguments = definition.DefaultArguments,
        NonOverridableArguments = definition.NonOverridableArguments,
        MaxRetries = definition.MaxRetries ?? 0,
        Timeout = definition.Timeout ?? DefaultTimeoutMinutes,
        MaxCapacity = definition.MaxCapacity,
        WorkerType = definition.WorkerType,
        NumberOfWorkers = definition.NumberOfWorkers,
        GlueVersion = definition.GlueVersion,
        ExecutionClass = definition.ExecutionClass,
    };

    private static void Check(JobUpdate definition)
    {
        if (string.IsNullOrEmpty(definition.Role))
        {
            throw Missing("role");
        }

        if (definition.Command is null)
        {
            throw Missing("command");
        }

        if (definition.Timeout is < 1)
        {
            throw GlueErrors.InvalidInput($"1 validation error detected: Value '{definition.Timeout}' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }

        if (definition.ExecutionProperty?.MaxConcurrentRuns is < 1)
        {
            throw GlueErrors.InvalidInput("MaxConcurrentRuns should be greater than 0.");
        }
    }

    private static string CheckName(string? name, string member)
    {
        if (name is null)
        {
            throw Missing(member);
        }

        if (name.Length is < 1 or > 255)
        {
            throw GlueErrors.InvalidInput($"1 validation error detected: Value '{name}' at '{member}' failed to satisfy constraint: Member must have length between 1 and 255");
        }

        return name;
    }

    private static AwsServiceException Missing(string member) =>
        GlueErrors.InvalidInput($"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");

    private static BatchStopJobRunError StopError(string jobName, string runId, string code, string message) =>
        new() { JobName = jobName, JobRunId = runId, ErrorDetail = new ErrorDetail { ErrorCode = code, ErrorMessage = message } };

    // CreateJob carries the definition at the top level; UpdateJob as JobUpdate, which replaces it whole, as in Glue.
    public static JobUpdate Definition(CreateJobRequest request) => new()
    {
        Description = request.Description,
        LogUri = request.LogUri,
        Role = request.Role,
        ExecutionProperty = request.ExecutionProperty,
        Command = request.Command,
        DefaultArguments = request.DefaultArguments,
        NonOverridableArguments = request.NonOverridableArguments,
        MaxRetries = request.MaxRetries,
        Timeout = request.Timeout,
        MaxCapacity = request.MaxCapacity,
        WorkerType = request.WorkerType,
        NumberOfWorkers = request.NumberOfWorkers,
        GlueVersion = request.GlueVersion,
        ExecutionClass = request.ExecutionClass,
    };

    // Whole milliseconds, as the JSON protocol writes timestamps, so reloaded runs compare equal.
    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());

    private List<Job> LoadJobs() =>
        _jobs ??= _jobsFile.Load() ?? [];

    private List<JobRun> LoadRuns()
    {
        if (_runs is not null)
        {
            return _runs;
        }

        var runs = _runsFile.Load() ?? [];
        var interrupted = new List<JobRun>();
        for (var i = 0; i < runs.Count; i++)
        {
            if (runs[i].JobRunState is JobRunStateValues.Starting or JobRunStateValues.Running or JobRunStateValues.Stopping)
            {
                runs[i] = Finish(runs[i], JobRunStateValues.Failed, InterruptedMessage);
                interrupted.Add(runs[i]);
            }
        }

        _runs = runs;
        if (interrupted.Count > 0)
        {
            SaveRuns(runs);
            _interrupted.AddRange(interrupted);
            _toRetry.AddRange(interrupted);
        }

        return runs;
    }

    private void SaveJobs(List<Job> jobs)
    {
        _jobsFile.Save(jobs);
        _jobs = jobs;
    }

    private void SaveRuns(List<JobRun> runs)
    {
        _runsFile.Save(runs);
        _runs = runs;
    }
}

/// <summary>Glue's run ids: <c>jr_</c> and 64 lower-case hex digits.</summary>
internal static class JobRunIds
{
    public static string New() => "jr_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
