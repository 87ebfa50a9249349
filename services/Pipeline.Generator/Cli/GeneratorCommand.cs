using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Pipeline.Aws.Firehose;
using Pipeline.Contracts.Datasets;

namespace Pipeline.Generator.Cli;

/// <summary>The <c>pipeline-generator</c> command line: options, their validation, and the action that runs.</summary>
public static class GeneratorCommand
{
    private const string Description = """
        Generates realistic synthetic records for a dataset of the pipeline and sends them to a Kinesis Data Firehose
        delivery stream with PutRecordBatch, at a steady rate, or writes them as NDJSON with --dry-run.

        Credentials and region come from the standard AWS chain (environment, shared config, SSO, instance metadata);
        AWS_ENDPOINT_URL_FIREHOSE or AWS_ENDPOINT_URL (or --endpoint-url) point it at a local cloud.

        Exit codes:
          0    every record was sent (or written)
          1    bad options, unknown dataset, or no region/endpoint to build a client with
          2    the run finished but some records finally failed (see the report)
          3    a fatal error stopped the run (no such stream, access denied, no credentials)
          130  interrupted
        """;

    public static RootCommand Create(GeneratorHost? host = null)
    {
        host ??= new GeneratorHost();
        var catalog = new Lazy<DatasetCatalog>(host.LoadCatalog);

        var dataset = new Option<string>("--dataset", "-d")
        {
            Description = "Dataset to generate, a name from datasets.json (e.g. vehicle_telemetry, clickstream).",
            Required = true,
        };
        dataset.Validators.Add(result => ValidateDataset(result, catalog));

        var stream = new Option<string?>("--stream") { Description = "Delivery stream name. Default: <name-prefix>-<dataset>." };
        var namePrefix = new Option<string>("--name-prefix")
        {
            Description = "Prefix of per-dataset resource names.",
            DefaultValueFactory = _ => GeneratorSettings.DefaultNamePrefix,
        };
        var rate = new Option<double>("--rate", "-r") { Description = "Records per second.", DefaultValueFactory = _ => 100 };
        rate.Validators.Add(result =>
        {
            if (!TryGetValue<double>(result, out var value))
            {
                return;
            }

            if (!(value > 0) || double.IsInfinity(value) || value > 1_000_000)
            {
                result.AddError($"--rate must be a number of records per second above 0 and at most 1,000,000; got {Format(value)}.");
            }
        });
        var duration = new Option<TimeSpan?>("--duration")
        {
            Description = "How long to run, e.g. 500ms, 60s, 5m, 1h. Default: 60s. Exclusive with --count.",
            CustomParser = ParseDuration,
        };
        var count = new Option<long?>("--count", "-n") { Description = "Send this many records, then stop. Exclusive with --duration." };
        count.Validators.Add(result =>
        {
            if (TryGetValue<long?>(result, out var value) && value is < 1)
            {
                result.AddError("--count must be at least 1.");
            }
        });
        var seed = new Option<int?>("--seed") { Description = "Seed for reproducible data: the same seed gives byte-identical records (with event_time starting 2026-01-01T00:00:00Z unless --start-time is given)." };
        var startTime = new Option<DateTimeOffset?>("--start-time")
        {
            Description = "event_time of the first record: ISO-8601 (UTC if no offset) or 'now'. Later records follow at 1/rate intervals.",
            CustomParser = result => ParseStartTime(result, host.Time),
        };
        var endpointUrl = new Option<Uri?>("--endpoint-url")
        {
            Description = "Firehose endpoint, e.g. http://127.0.0.1:4566. Default: AWS_ENDPOINT_URL_FIREHOSE, AWS_ENDPOINT_URL, then AWS.",
            CustomParser = ParseEndpoint,
        };
        var region = new Option<string?>("--region") { Description = "AWS region. Default: AWS_REGION, AWS_DEFAULT_REGION, then the shared config." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Write the records as NDJSON (to stdout or --out) instead of sending them; unpaced, no traceparent." };
        var output = new Option<string?>("--out", "-o") { Description = "With --dry-run: the file to write instead of stdout." };
        var report = new Option<string?>("--report") { Description = "Also write the final report as JSON to this file." };
        var maxInFlight = new Option<int>("--max-in-flight")
        {
            Description = "Most PutRecordBatch calls under way at once.",
            DefaultValueFactory = _ => 8,
        };
        maxInFlight.Validators.Add(result => Range(result, 1, 1024, "--max-in-flight"));
        var batchSize = new Option<int>("--batch-size")
        {
            Description = $"Most records per PutRecordBatch call (1–{FirehoseLimits.MaxRecordsPerBatch}). Batches also stay under 4 MiB.",
            DefaultValueFactory = _ => FirehoseLimits.MaxRecordsPerBatch,
        };
        batchSize.Validators.Add(result => Range(result, 1, FirehoseLimits.MaxRecordsPerBatch, "--batch-size"));
        var maxAttempts = new Option<int>("--max-attempts")
        {
            Description = "Tries per record (rejected entries and failed calls are retried with backoff) before it counts as failed.",
            DefaultValueFactory = _ => 6,
        };
        maxAttempts.Validators.Add(result => Range(result, 1, 100, "--max-attempts"));
        var invalidRatio = new Option<double>("--invalid-ratio")
        {
            Description = "Fraction (0–1) of deliberately malformed records: invalid JSON, wrong types, missing required fields, out-of-range values, values outside an enum or pattern. Each kind is counted in the report.",
            DefaultValueFactory = _ => 0,
        };
        invalidRatio.Validators.Add(result =>
        {
            if (TryGetValue<double>(result, out var value) && !(value is >= 0 and <= 1))
            {
                result.AddError($"--invalid-ratio must be between 0 and 1; got {Format(value)}.");
            }
        });

        var controlPort = new Option<int?>("--control-port")
        {
            Description = $"Serve POST /pause, /resume and /burst?records=N on 127.0.0.1:<port> to steer the run. Default: {GeneratorSettings.ControlPortVariable}, else none.",
            DefaultValueFactory = _ => int.TryParse(host.GetEnvironmentVariable(GeneratorSettings.ControlPortVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null,
        };
        controlPort.Validators.Add(result =>
        {
            if (TryGetValue<int?>(result, out var value) && value is < 1 or > 65535)
            {
                result.AddError($"--control-port must be between 1 and 65535; got {value}.");
            }
        });

        var freshness = new Option<bool>("--freshness")
        {
            Description = "Sample sent records (one a second, at most 200) and poll the stage table through Athena until they are queryable; the report gains p50/p95/max send-to-queryable.",
        };
        var freshnessTimeout = new Option<TimeSpan?>("--freshness-timeout")
        {
            Description = "With --freshness: how long a sampled record is waited for, e.g. 90s, 5m. Default: 180s.",
            CustomParser = ParseDuration,
        };
        var database = new Option<string?>("--database")
        {
            Description = "With --freshness: the Glue database of the stage tables. Default: datasets.json's catalog database.",
        };
        var paused = new Option<bool>("--paused") { Description = "Start paused: nothing is sent until POST /resume on the control port (bursts are sent while paused)." };
        var root = new RootCommand(Description)
        {
            dataset, stream, namePrefix, rate, duration, count, seed, startTime, endpointUrl, region, dryRun, output, report,
            maxInFlight, batchSize, maxAttempts, invalidRatio, controlPort, paused, freshness, freshnessTimeout, database,
        };
        root.Validators.Add(result =>
        {
            if (result.GetResult(count) is not null && result.GetResult(duration) is not null)
            {
                result.AddError("--count and --duration cannot be used together: give one of them.");
            }

            if (result.GetValue(freshness) && result.GetValue(dryRun))
            {
                result.AddError("--freshness needs records sent, not --dry-run.");
            }

            if (result.GetResult(output) is not null && !result.GetValue(dryRun))
            {
                result.AddError("--out only applies with --dry-run.");
            }
        });

        root.SetAction((parse, cancellationToken) =>
        {
            var settings = new GeneratorSettings
            {
                Dataset = parse.GetRequiredValue(dataset),
                Stream = parse.GetValue(stream),
                NamePrefix = parse.GetValue(namePrefix) ?? GeneratorSettings.DefaultNamePrefix,
                Rate = parse.GetValue(rate),
                Duration = parse.GetValue(duration),
                Count = parse.GetValue(count),
                Seed = parse.GetValue(seed),
                StartTime = parse.GetValue(startTime),
                EndpointUrl = parse.GetValue(endpointUrl),
                Region = parse.GetValue(region),
                DryRun = parse.GetValue(dryRun),
                Out = parse.GetValue(output),
                Report = parse.GetValue(report),
                MaxInFlight = parse.GetValue(maxInFlight),
                BatchSize = parse.GetValue(batchSize),
                MaxAttempts = parse.GetValue(maxAttempts),
                InvalidRatio = parse.GetValue(invalidRatio),
                ControlPort = parse.GetValue(controlPort),
                Paused = parse.GetValue(paused),
                Freshness = parse.GetValue(freshness),
                FreshnessTimeout = parse.GetValue(freshnessTimeout),
                Database = parse.GetValue(database),
            };
            return GeneratorApp.RunAsync(settings, catalog.Value, host, cancellationToken);
        });
        return root;
    }

    private static void ValidateDataset(OptionResult result, Lazy<DatasetCatalog> catalog)
    {
        if (!TryGetValue<string>(result, out var name))
        {
            return;
        }

        DatasetCatalog datasets;
        try
        {
            datasets = catalog.Value;
        }
        catch (Exception e) when (e is InvalidDatasetException or IOException or UnauthorizedAccessException)
        {
            result.AddError($"The dataset catalog cannot be loaded: {e.Message}");
            return;
        }

        if (!datasets.TryGet(name, out _))
        {
            var known = string.Join(", ", datasets.All.Select(d => d.Name).Order(StringComparer.Ordinal));
            result.AddError($"Unknown dataset '{name}'. Known datasets: {known}.");
        }
    }

    private static TimeSpan? ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DurationParser.TryParse(text, out var value))
        {
            return value;
        }

        var name = (result.Parent as OptionResult)?.Option.Name ?? "--duration";
        result.AddError($"{name} must be a positive duration such as 500ms, 60s, 5m or 1h; got '{text}'.");
        return null;
    }

    private static DateTimeOffset? ParseStartTime(ArgumentResult result, TimeProvider time)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : "";
        if (string.Equals(text, "now", StringComparison.OrdinalIgnoreCase))
        {
            return time.GetUtcNow();
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value.ToUniversalTime();
        }

        result.AddError($"--start-time must be an ISO-8601 instant (e.g. 2026-01-01T00:00:00Z) or 'now'; got '{text}'.");
        return null;
    }

    private static Uri? ParseEndpoint(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        result.AddError($"--endpoint-url must be an absolute http(s) URL such as http://127.0.0.1:4566; got '{text}'.");
        return null;
    }

    private static void Range(OptionResult result, int min, int max, string name)
    {
        if (TryGetValue<int>(result, out var value) && (value < min || value > max))
        {
            result.AddError($"{name} must be between {min} and {max}; got {value}.");
        }
    }

    /// <summary>The option's value, or false when it did not convert (the parser has already reported that).</summary>
    private static bool TryGetValue<T>(OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
