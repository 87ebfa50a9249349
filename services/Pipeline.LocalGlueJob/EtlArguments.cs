using System.Text.Json;

namespace Pipeline.LocalGlueJob;

/// <summary>The arguments of <c>pipeline_etl.py</c> (docs/orchestration.md, "The ETL job"), checked as the script checks them.</summary>
internal sealed record EtlArguments
{
    private static readonly string[] Required =
        ["dataset", "database", "raw_table", "stage_table", "stage_path", "partition_keys", "id_field", "time_field", "output_compression", "run_summary_path"];

    public required string Dataset { get; init; }

    public required string Database { get; init; }

    public required string RawTable { get; init; }

    public required string StageTable { get; init; }

    public required S3Uri StagePath { get; init; }

    public required IReadOnlyList<string> PartitionKeys { get; init; }

    public required string IdField { get; init; }

    public required string TimeField { get; init; }

    /// <summary><c>snappy</c> or <c>gzip</c>.</summary>
    public required string OutputCompression { get; init; }

    public required S3Uri RunSummaryPath { get; init; }

    /// <summary>The raw partitions to read as key → value, in order; null reads every partition.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>>? Partitions { get; init; }

    /// <summary><c>job-bookmark-enable</c>, <c>job-bookmark-pause</c> or <c>job-bookmark-disable</c> (Glue's default).</summary>
    public string BookmarkOption { get; init; } = "job-bookmark-disable";

    public string? Traceparent { get; init; }

    public string? SourceEventId { get; init; }

    /// <exception cref="FormatException">An argument is missing or malformed; the message names it.</exception>
    public static EtlArguments Parse(IReadOnlyDictionary<string, string> arguments)
    {
        string? Get(string name) => arguments.TryGetValue("--" + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

        var missing = Required.Where(name => Get(name) is null).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException("missing job arguments: " + string.Join(", ", missing.Select(n => "--" + n)));
        }

        var compression = Get("output_compression")!.Trim().ToLowerInvariant();
        if (compression is not ("snappy" or "gzip"))
        {
            throw new FormatException($"--output_compression must be one of snappy, gzip, got '{Get("output_compression")}'");
        }

        var keys = Get("partition_keys")!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (keys.Length == 0)
        {
            throw new FormatException("--partition_keys must name at least one column");
        }

        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Length)
        {
            throw new FormatException($"--partition_keys repeats a column: {Get("partition_keys")}");
        }

        var bookmark = Get("job-bookmark-option") ?? "job-bookmark-disable";
        if (bookmark is not ("job-bookmark-enable" or "job-bookmark-pause" or "job-bookmark-disable"))
        {
            throw new FormatException($"--job-bookmark-option must be job-bookmark-enable, job-bookmark-pause or job-bookmark-disable, got '{bookmark}'");
        }

        return new EtlArguments
        {
            Dataset = Get("dataset")!,
            Database = Get("database")!,
            RawTable = Get("raw_table")!,
            StageTable = Get("stage_table")!,
            StagePath = Location("stage_path", Get("stage_path")!),
            PartitionKeys = keys,
            IdField = Get("id_field")!,
            TimeField = Get("time_field")!,
            OutputCompression = compression,
            RunSummaryPath = Location("run_summary_path", Get("run_summary_path")!),
            Partitions = Get("partitions") is { } partitions ? ParsePartitions(partitions) : null,
            BookmarkOption = bookmark,
            Traceparent = Get("traceparent"),
            SourceEventId = Get("source_event_id"),
        };
    }

    /// <summary>
    /// The command line Glue gives a script: <c>--key value</c> pairs, Glue's own (<c>--JOB_ID</c>, <c>--JOB_RUN_ID</c>,
    /// <c>--JOB_NAME</c>) among them → each key, dashes included, to its value; a key given twice keeps the last.
    /// </summary>
    /// <exception cref="FormatException">A key without <c>--</c> or without a value.</exception>
    public static Dictionary<string, string> FromCommandLine(IReadOnlyList<string> args)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2)
            {
                throw new FormatException($"expected an argument name like --dataset, got '{args[i]}'");
            }

            if (i + 1 == args.Count)
            {
                throw new FormatException($"{args[i]} has no value");
            }

            result[args[i]] = args[i + 1];
        }

        return result;
    }

    /// <summary><c>--partitions</c>: a JSON array of <c>k=v/k=v</c> paths → one key/value map per path, duplicates dropped.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ParsePartitions(string argument)
    {
        List<string>? paths;
        try
        {
            paths = JsonSerializer.Deserialize(argument, LocalGlueJobJsonContext.Default.ListString);
        }
        catch (JsonException e)
        {
            throw new FormatException($"--partitions must be a JSON array of partition paths: {e.Message}", e);
        }

        if (paths is null || paths.Any(p => p is null))
        {
            throw new FormatException("--partitions must be a JSON array of strings like \"year=2026/month=11/day=22/hour=05\"");
        }

        var result = new List<IReadOnlyDictionary<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var segment in path.Trim('/').Split('/'))
            {
                var eq = segment.IndexOf('=', StringComparison.Ordinal);
                var key = eq < 0 ? segment : segment[..eq];
                if (eq <= 0 || eq == segment.Length - 1 || !IsIdentifier(key))
                {
                    throw new FormatException($"--partitions: '{path}' is not a partition path like year=2026/month=11");
                }

                if (!values.TryAdd(key, segment[(eq + 1)..]))
                {
                    throw new FormatException($"--partitions: '{path}' repeats the key '{key}'");
                }
            }

            if (seen.Add(string.Join('/', values.Select(kv => kv.Key + "=" + kv.Value))))
            {
                result.Add(values);
            }
        }

        return result;
    }

    private static bool IsIdentifier(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static S3Uri Location(string name, string value) =>
        S3Uri.TryParse(value, out var uri) && value.EndsWith('/')
            ? uri
            : throw new FormatException($"--{name} must be an s3://bucket/prefix/ URI ending in '/', got '{value}'");
}
