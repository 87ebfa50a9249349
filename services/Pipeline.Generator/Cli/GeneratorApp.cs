using Pipeline.Aws.Firehose;
using Pipeline.Contracts.Datasets;
using Pipeline.Generator.Aws;
using Pipeline.Generator.Control;
using Pipeline.Generator.Data;
using Pipeline.Generator.Freshness;
using Pipeline.Generator.Progress;
using Pipeline.Generator.Reporting;
using Pipeline.Generator.Sending;
using Spectre.Console;

namespace Pipeline.Generator.Cli;

/// <summary>Runs what the command line asked for: builds the source, sends or writes, shows progress, reports.</summary>
public static class GeneratorApp
{
    public static async Task<int> RunAsync(GeneratorSettings settings, DatasetCatalog catalog, GeneratorHost host, CancellationToken cancellationToken)
    {
        if (settings.Paused && settings.ControlPort is null)
        {
            await host.Error.WriteLineAsync($"error: --paused needs --control-port (or {GeneratorSettings.ControlPortVariable}): nothing else could resume the run.");
            return ExitCodes.UsageError;
        }

        var dataset = catalog.Get(settings.Dataset);
        var seed = settings.Seed ?? Random.Shared.Next();
        var startTime = settings.StartTime
            ?? (settings.Seed is not null ? RecordSourceOptions.SeededStartTime : host.Time.GetUtcNow());
        var limit = settings.Count ?? (long)Math.Floor((settings.Duration ?? GeneratorSettings.DefaultDuration).TotalSeconds * settings.Rate);

        RecordSource source;
        try
        {
            source = new RecordSource(dataset, new RecordSourceOptions
            {
                Seed = seed,
                StartTime = startTime,
                Rate = settings.Rate,
                InvalidRatio = settings.InvalidRatio,
            });
        }
        catch (NotSupportedException e)
        {
            await host.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.UsageError;
        }

        var statistics = new RunStatistics(host.Time);
        var startedAt = host.Time.GetUtcNow();
        RunOutcome outcome;
        Exception? fatal = null;
        long skipped = 0;
        Task<FreshnessSummary>? freshnessProbe = null;
        FreshnessSummary? freshness = null;
        if (settings.DryRun)
        {
            outcome = await WriteDryRunAsync(settings, source, limit, statistics, host, cancellationToken);
        }
        else
        {
            IFirehoseClient client;
            try
            {
                client = host.Clients.Create(new FirehoseConnection(settings.EndpointUrl, settings.Region));
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or Amazon.Runtime.AmazonClientException)
            {
                await host.Error.WriteLineAsync($"error: cannot reach Firehose: {e.Message}");
                return ExitCodes.UsageError;
            }

            var control = new RunControl();
            if (settings.Paused)
            {
                control.Pause();
            }

            await using var controlServer = settings.ControlPort is { } port
                ? await ControlServer.StartAsync(port, control, cancellationToken)
                : null;
            var (sampler, probe) = settings.Freshness ? CreateFreshness(settings, catalog.Deployment, dataset, host) : (null, null);
            var runner = new FirehoseLoadRunner(
                client,
                source,
                new LoadOptions
                {
                    DeliveryStream = settings.StreamName,
                    Rate = settings.Rate,
                    Count = settings.Count,
                    Duration = settings.Count is null ? settings.Duration ?? GeneratorSettings.DefaultDuration : null,
                    BatchSize = settings.BatchSize,
                    MaxInFlight = settings.MaxInFlight,
                    MaxAttempts = settings.MaxAttempts,
                },
                host.Time,
                statistics,
                control)
            {
                Freshness = sampler,
            };
            using (var stopProgress = new CancellationTokenSource())
            {
                var progress = CreateProgress(settings, host).RunAsync(statistics.Snapshot, stopProgress.Token);
                var run = runner.RunAsync(cancellationToken);
                freshnessProbe = probe is null ? null : probe.RunAsync(sampler!, run, cancellationToken);
                try
                {
                    outcome = await run;
                }
                finally
                {
                    await stopProgress.CancelAsync();
                    await progress;
                }
            }

            if (freshnessProbe is not null)
            {
                await host.Error.WriteLineAsync("  waiting for the sampled records to become queryable in the stage table...");
                freshness = await freshnessProbe;
            }

            fatal = runner.FatalError;
            skipped = runner.SkippedBySchedule;
            (client as IDisposable)?.Dispose();
        }

        var exitCode = outcome switch
        {
            RunOutcome.Completed => ExitCodes.Success,
            RunOutcome.CompletedWithFailures => ExitCodes.SomeRecordsFailed,
            RunOutcome.Aborted => ExitCodes.Aborted,
            _ => ExitCodes.Cancelled,
        };
        var report = BuildReport(settings, dataset, seed, startTime, startedAt, host.Time.GetUtcNow(), statistics, outcome, exitCode, skipped, fatal) with { Freshness = freshness };
        ReportWriter.Print(report, host.Error);
        if (settings.Report is { } path)
        {
            try
            {
                await ReportWriter.WriteJsonAsync(report, path, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await host.Error.WriteLineAsync($"error: cannot write the report to '{path}': {e.Message}");
                return exitCode == ExitCodes.Success ? ExitCodes.UsageError : exitCode;
            }
        }

        return exitCode;
    }

    private static async Task<RunOutcome> WriteDryRunAsync(
        GeneratorSettings settings, RecordSource source, long limit, RunStatistics statistics, GeneratorHost host, CancellationToken cancellationToken)
    {
        if (settings.Out is { } path)
        {
            await using var file = File.Create(path);
            return await DryRunWriter.WriteAsync(source, limit, file, statistics, cancellationToken);
        }

        var stdout = host.OpenStandardOutput();
        return await DryRunWriter.WriteAsync(source, limit, stdout, statistics, cancellationToken);
    }

    private static (FreshnessSampler?, FreshnessProbe?) CreateFreshness(GeneratorSettings settings, DeploymentDescription deployment, DatasetDefinition dataset, GeneratorHost host)
    {
        var options = new FreshnessOptions
        {
            Database = settings.Database ?? deployment.CatalogDatabase,
            Table = deployment.StageTableFor(dataset.Name),
            IdField = dataset.IdField,
            WorkGroup = settings.NamePrefix,
        };
        if (settings.FreshnessTimeout is { } timeout)
        {
            options = options with { Timeout = timeout };
        }

        var athena = host.AthenaClients(new FirehoseConnection(settings.EndpointUrl, settings.Region));
        return (new FreshnessSampler(options, host.Time), new FreshnessProbe(athena, options, host.Time));
    }

    private static IProgressDisplay CreateProgress(GeneratorSettings settings, GeneratorHost host)
    {
        if (!host.ErrorIsTerminal)
        {
            return new PlainProgressDisplay(host.Error, host.PlainProgressInterval);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(host.Error) });
        return new LiveProgressDisplay(console, $"{settings.Dataset} -> {settings.StreamName}");
    }

    private static RunReport BuildReport(
        GeneratorSettings settings,
        DatasetDefinition dataset,
        int seed,
        DateTimeOffset eventTimeStart,
        DateTimeOffset startedAt,
        DateTimeOffset finishedAt,
        RunStatistics statistics,
        RunOutcome outcome,
        int exitCode,
        long skipped,
        Exception? fatal)
    {
        var snapshot = statistics.Snapshot();
        var seconds = snapshot.Elapsed.TotalSeconds;
        var achieved = seconds > 0 ? snapshot.Sent / seconds : 0;
        var latency = ReportWriter.Latency(statistics.Latencies);
        return new RunReport
        {
            Dataset = dataset.Name,
            Stream = settings.DryRun ? null : settings.StreamName,
            DryRun = settings.DryRun,
            Seed = seed,
            EventTimeStart = eventTimeStart,
            StartedAt = startedAt,
            FinishedAt = finishedAt,
            DurationSeconds = Math.Round(seconds, 3),
            TargetRate = settings.Rate,
            AchievedRate = Math.Round(achieved, 1),
            RecordsGenerated = snapshot.Generated,
            RecordsSent = snapshot.Sent,
            BytesSent = snapshot.BytesSent,
            MibSent = ReportWriter.Mib(snapshot.BytesSent),
            RecordsFailed = snapshot.Failed,
            RecordsRetried = snapshot.Retried,
            RecordsSkipped = skipped,
            PutRecordBatchCalls = snapshot.Calls,
            PutRecordBatchErrors = snapshot.CallErrors,
            LatencyMs = latency,
            BackPressure = settings.DryRun
                ? null
                : BackPressureSummary.From(settings.Rate, achieved, seconds, skipped, snapshot.Delayed, snapshot.SlotWait, snapshot.Throttled, settings.MaxInFlight, latency.P95),
            Malformed = ReportWriter.Malformed(snapshot),
            Failures = snapshot.FailureReasons,
            Outcome = outcome,
            ExitCode = exitCode,
            Error = fatal?.Message,
        };
    }
}
