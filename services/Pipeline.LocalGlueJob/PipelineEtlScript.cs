using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Pipeline.DuckDb;
using Pipeline.LocalCloud.Glue.Api;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Glue.Jobs.Etl;

/// <summary>
/// LocalCloud's <c>pipeline_etl.py</c>: the same steps as the Spark script (docs/orchestration.md, "The ETL job") on
/// DuckDB. Raw objects not yet bookmarked → flatten → dedupe within the input and against stage → Parquet in a
/// temporary folder → published into the object store only once every file is written → stage table and partitions
/// in the catalog → run summary → bookmark. Runs writing the same stage table take turns, so a run's dedupe sees what
/// an earlier run wrote.
/// </summary>
internal sealed class PipelineEtlScript(IGlueCatalog catalog, IObjectStore store, LocalCloudOptions cloud, JobBookmarks bookmarks, TimeProvider? time = null) : IGlueJobScript
{
    public const string ScriptFileName = "pipeline_etl.py";

    private const string ParquetSerDe = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    private const string ParquetInputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    private const string ParquetOutputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
    private const int ListPageSize = 1000;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _stageLocks = new(StringComparer.Ordinal);

    public string FileName => ScriptFileName;

    public async Task RunAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        var args = EtlArguments.Parse(run.Arguments);
        run.Log.Write($"job_started dataset={args.Dataset} raw_table={args.Database}.{args.RawTable} stage_table={args.Database}.{args.StageTable} " +
            $"partitions={(args.Partitions is null ? "all" : args.Partitions.Count.ToString(CultureInfo.InvariantCulture))} bookmark={args.BookmarkOption} " +
            $"traceparent={args.Traceparent ?? "-"} source_event_id={args.SourceEventId ?? "-"}");

        var gate = _stageLocks.GetOrAdd($"{args.Database}.{args.StageTable}".ToLowerInvariant(), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RunExclusiveAsync(run, args, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RunExclusiveAsync(JobRunContext run, EtlArguments args, CancellationToken ct)
    {
        Table raw;
        try
        {
            raw = await catalog.GetTableAsync(args.Database, args.RawTable, ct).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "EntityNotFoundException")
        {
            throw new InvalidOperationException($"The raw table {args.Database}.{args.RawTable} is not in the Data Catalog ({e.Message}); has the crawler run?", e);
        }

        var columns = (raw.StorageDescriptor?.Columns ?? []).Select(c => (c.Name ?? string.Empty, c.Type ?? "string")).ToList();
        var locations = await RawLocationsAsync(raw, args, run.Log, ct).ConfigureAwait(false);
        var bookmarked = args.BookmarkOption == "job-bookmark-disable" ? new Dictionary<string, string>() : bookmarks.Load(run.JobName);
        var objects = new List<ObjectInfo>();
        foreach (var location in locations)
        {
            foreach (var info in await ListAsync(location.Bucket, location.Prefix, ct).ConfigureAwait(false))
            {
                var name = info.Key[(info.Key.LastIndexOf('/') + 1)..];
                var hidden = name.StartsWith('_') || name.StartsWith('.') || info.Key.EndsWith('/');
                if (!hidden && !(bookmarked.TryGetValue(BookmarkKey(info), out var etag) && etag == info.ETag))
                {
                    objects.Add(info);
                }
            }
        }

        // Input order is the raw object keys' order, as the Spark job orders by source file.
        objects = objects.DistinctBy(BookmarkKey).OrderBy(o => o.Bucket, StringComparer.Ordinal).ThenBy(o => o.Key, StringComparer.Ordinal).ToList();
        run.Log.Write($"raw_objects locations={locations.Count} new_objects={objects.Count} already_bookmarked={bookmarked.Count}");

        var temp = Path.Combine(cloud.DataDirectory, GlueCatalog.Folder, "job-temp", run.JobRunId);
        Directory.CreateDirectory(temp);
        try
        {
            var result = await TransformAsync(run, args, columns, objects, temp, ct).ConfigureAwait(false);
            var summary = new RunSummary(run.JobName, run.JobRunId, args.Dataset, result.RowsRead, result.RowsWritten, result.RowsRead - result.RowsWritten, result.FilesWritten, result.Partitions);
            var summaryKey = $"{args.RunSummaryPath.Prefix}{run.JobName}/{run.JobRunId}.json";
            using (var body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(summary, GlueJobsJsonContext.Default.RunSummary)))
            {
                await store.PutObjectAsync(args.RunSummaryPath.Bucket, summaryKey, body, new ObjectWriteOptions(ContentType: "application/json"), ct).ConfigureAwait(false);
            }

            run.Log.Write($"job_finished summary=s3://{args.RunSummaryPath.Bucket}/{summaryKey} rows_read={summary.RowsRead} rows_written={summary.RowsWritten} " +
                $"duplicates_dropped={summary.DuplicatesDropped} files_written={summary.FilesWritten} partitions={string.Join(',', summary.Partitions)}");

            // Last: the bookmark moves only when everything above succeeded, so a failed run's objects are read again.
            FaultInjection.Reached(FaultPoint.JobRunPublished);
            if (args.BookmarkOption == "job-bookmark-enable")
            {
                bookmarks.Commit(run.JobName, objects.Select(o => KeyValuePair.Create(BookmarkKey(o), o.ETag)));
            }
        }
        finally
        {
            try
            {
                Directory.Delete(temp, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is invisible to S3 and the catalog.
            }
        }
    }

    private async Task<EtlResult> TransformAsync(JobRunContext run, EtlArguments args, List<(string, string)> columns, List<ObjectInfo> objects, string temp, CancellationToken ct)
    {
        using var connection = DuckDbConnections.OpenInMemory(threads: 1, tempDirectory: Path.Combine(temp, "duckdb"));
        await using var interrupt = ct.Register(connection.Interrupt).ConfigureAwait(false);
        DuckDbFlattener flattener;
        try
        {
            flattener = new DuckDbFlattener(connection, columns, args.IdField, args.TimeField, args.PartitionKeys);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"The raw table {args.Database}.{args.RawTable} cannot be flattened: {e.Message}", e);
        }

        var copies = 0;
        foreach (var info in objects)
        {
            ct.ThrowIfCancellationRequested();
            var path = store.GetContentPath(info.Bucket, info.Key);
            if (path is null || !File.Exists(path))
            {
                // Stores without files (test fakes) are read through a copy.
                path = Path.Combine(temp, "input-" + (copies++).ToString(CultureInfo.InvariantCulture));
                await using var source = await store.OpenReadAsync(info.Bucket, info.Key, ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"s3://{info.Bucket}/{info.Key} disappeared while the run was reading it.");
                await using var target = File.Create(path);
                await source.CopyToAsync(target, ct).ConfigureAwait(false);
            }

            try
            {
                flattener.Load(path);
            }
            catch (DuckDBException e)
            {
                throw new InvalidOperationException($"Could not read s3://{info.Bucket}/{info.Key} as newline-delimited JSON with the columns of {args.Database}.{args.RawTable}: {e.Message}", e);
            }
        }

        var rowsRead = flattener.Flatten();
        if (rowsRead == 0)
        {
            run.Log.Write("no new rows: nothing to write");
            return new EtlResult(0, 0, 0, []);
        }

        // Only ids in the stage partitions this run writes to can collide: the id's time decides its partition.
        var touched = flattener.PartitionValues("flat").Select(v => string.Join('\u0001', v)).ToHashSet(StringComparer.Ordinal);
        var stageFiles = new List<string>();
        foreach (var info in await ListAsync(args.StagePath.Bucket, args.StagePath.Prefix, ct).ConfigureAwait(false))
        {
            var relative = info.Key[args.StagePath.Prefix.Length..];
            if (info.Key.EndsWith(".parquet", StringComparison.Ordinal)
                && touched.Contains(string.Join('\u0001', PartitionOf(relative, flattener.Keys.Count)))
                && store.GetContentPath(info.Bucket, info.Key) is { } file && File.Exists(file))
            {
                stageFiles.Add(file);
            }
        }

        flattener.AddExistingIdsFromParquet(stageFiles);
        var rowsWritten = flattener.Dedupe();
        run.Log.Write($"flattened rows_read={rowsRead} stage_files_checked={stageFiles.Count} rows_written={rowsWritten}");
        if (rowsWritten == 0)
        {
            return new EtlResult(rowsRead, 0, 0, []);
        }

        var output = Path.Combine(temp, "output");
        flattener.WriteParquet(output, args.OutputCompression, run.JobRunId);
        var files = Directory.EnumerateFiles(output, "*.parquet", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        await PublishAsync(args, output, files, ct).ConfigureAwait(false);
        var partitions = files.Select(f => f[..f.LastIndexOf('/')]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        run.Log.Write($"published files={files.Count} to {args.StagePath}");
        await UpdateCatalogAsync(args, flattener, partitions, ct).ConfigureAwait(false);
        RecordFreshness(args.Dataset, flattener);
        return new EtlResult(rowsRead, rowsWritten, files.Count, partitions);
    }

    // Every file is already complete on disk; if an upload fails, the ones already uploaded are removed again, so
    // readers of stage never see part of a run.
    private async Task PublishAsync(EtlArguments args, string output, IReadOnlyList<string> files, CancellationToken ct)
    {
        var published = new List<string>();
        try
        {
            foreach (var relative in files)
            {
                var key = args.StagePath.Prefix + relative;
                await using var content = File.OpenRead(Path.Combine(output, relative));
                await store.PutObjectAsync(args.StagePath.Bucket, key, content, new ObjectWriteOptions(ContentType: "application/vnd.apache.parquet"), ct).ConfigureAwait(false);
                published.Add(key);
            }
        }
        catch
        {
            foreach (var key in published)
            {
                await store.DeleteObjectAsync(args.StagePath.Bucket, key, CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }
    }

    private async Task UpdateCatalogAsync(EtlArguments args, DuckDbFlattener flattener, IReadOnlyList<string> partitions, CancellationToken ct)
    {
        var location = args.StagePath.ToString();
        StorageDescriptor Descriptor(string at) => new()
        {
            Columns = flattener.DataColumns.Select(c => new Column { Name = c.Name, Type = c.Type }).ToList(),
            Location = at,
            InputFormat = ParquetInputFormat,
            OutputFormat = ParquetOutputFormat,
            Compressed = false,
            NumberOfBuckets = -1,
            SerdeInfo = new SerDeInfo { SerializationLibrary = ParquetSerDe, Parameters = new() { ["serialization.format"] = "1" } },
            Parameters = new() { ["classification"] = "parquet" },
        };

        var table = new TableInput
        {
            Name = args.StageTable,
            TableType = "EXTERNAL_TABLE",
            Parameters = new() { ["classification"] = "parquet", ["compressionType"] = args.OutputCompression, ["typeOfData"] = "file" },
            PartitionKeys = flattener.Keys.Select(k => new Column { Name = k.Name, Type = "string" }).ToList(),
            StorageDescriptor = Descriptor(location),
        };

        var exists = true;
        try
        {
            await catalog.GetTableAsync(args.Database, args.StageTable, ct).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "EntityNotFoundException")
        {
            exists = false;
        }

        if (exists)
        {
            await catalog.UpdateTableAsync(args.Database, table, ct).ConfigureAwait(false);
        }
        else
        {
            await catalog.CreateTableAsync(args.Database, table, ct).ConfigureAwait(false);
        }

        var inputs = partitions
            .Select(p => new PartitionInput { Values = PartitionOf(p + "/", flattener.Keys.Count).ToList(), StorageDescriptor = Descriptor(location + p + "/") })
            .ToList();
        foreach (var chunk in inputs.Chunk(100))
        {
            var errors = await catalog.BatchCreatePartitionAsync(args.Database, args.StageTable, chunk, ct).ConfigureAwait(false);
            var real = errors.Where(e => e.ErrorDetail.ErrorCode != GlueErrors.AlreadyExists).ToList();
            if (real.Count > 0)
            {
                throw new InvalidOperationException($"Could not add stage partitions: {string.Join("; ", real.Select(e => e.ErrorDetail.ErrorMessage))}");
            }
        }
    }

    private async Task<List<S3Uri>> RawLocationsAsync(Table raw, EtlArguments args, JobRunLog log, CancellationToken ct)
    {
        var keys = (raw.PartitionKeys ?? []).Select(k => k.Name ?? string.Empty).ToList();
        var tableLocation = raw.StorageDescriptor?.Location;
        if (keys.Count == 0)
        {
            return S3Uri.TryParse(tableLocation, out var only) ? [Folder(only)] : throw NoLocation(args, tableLocation);
        }

        var partitions = new List<Partition>();
        if (args.Partitions is null)
        {
            string? token = null;
            do
            {
                var page = await catalog.GetPartitionsAsync(args.Database, args.RawTable, null, token, 1000, ct).ConfigureAwait(false);
                partitions.AddRange(page.Items);
                token = page.NextToken;
            }
            while (token is not null);
        }
        else
        {
            var wanted = new List<IReadOnlyList<string>>();
            foreach (var values in args.Partitions)
            {
                if (values.Count != keys.Count || keys.Any(k => !values.ContainsKey(k)))
                {
                    throw new FormatException($"--partitions: '{string.Join('/', values.Select(kv => kv.Key + "=" + kv.Value))}' does not name the partition keys of {args.Database}.{args.RawTable} ({string.Join(", ", keys)})");
                }

                wanted.Add(keys.Select(k => values[k]).ToList());
            }

            foreach (var chunk in wanted.Chunk(1000))
            {
                partitions.AddRange(await catalog.BatchGetPartitionAsync(args.Database, args.RawTable, chunk, ct).ConfigureAwait(false));
            }

            if (partitions.Count < wanted.Count)
            {
                log.Write($"{wanted.Count - partitions.Count} of the {wanted.Count} requested partitions are not in the catalog; they are skipped");
            }
        }

        var locations = new List<S3Uri>();
        foreach (var partition in partitions)
        {
            var text = partition.StorageDescriptor?.Location
                ?? (tableLocation is null ? null : tableLocation.TrimEnd('/') + "/" + string.Join('/', keys.Zip(partition.Values, (k, v) => k + "=" + v)) + "/");
            locations.Add(S3Uri.TryParse(text, out var uri) ? Folder(uri) : throw NoLocation(args, text));
        }

        return locations;
    }

    private async Task<List<ObjectInfo>> ListAsync(string bucket, string prefix, CancellationToken ct)
    {
        var all = new List<ObjectInfo>();
        if (!await store.BucketExistsAsync(bucket, ct).ConfigureAwait(false))
        {
            return all;
        }

        string? after = null;
        while (true)
        {
            var page = await store.ListObjectsAsync(bucket, prefix, after, ListPageSize, ct).ConfigureAwait(false);
            all.AddRange(page);
            if (page.Count < ListPageSize)
            {
                return all;
            }

            after = page[^1].Key;
        }
    }

    /// <summary>The partition values of a stage path <c>k=v/k=v/file</c>, unescaped as the Parquet writer escaped them.</summary>
    private static IEnumerable<string> PartitionOf(string relative, int keys) =>
        relative.Split('/').Take(keys).Select(segment =>
        {
            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            return Uri.UnescapeDataString(eq < 0 ? segment : segment[(eq + 1)..]);
        });

    private static S3Uri Folder(S3Uri uri) => uri.Prefix.Length == 0 || uri.Prefix.EndsWith('/') ? uri : uri with { Prefix = uri.Prefix + "/" };

    private static string BookmarkKey(ObjectInfo info) => info.Bucket + "/" + info.Key;

    private static InvalidOperationException NoLocation(EtlArguments args, string? location) =>
        new($"{args.Database}.{args.RawTable} has no s3:// location to read (got '{location}').");

    // The rows are queryable in stage from here on (files published, partitions in the catalog): each row's freshness
    // is the time since its event happened.
    private void RecordFreshness(string dataset, DuckDbFlattener flattener)
    {
        var tag = new KeyValuePair<string, object?>("pipeline.dataset", dataset);
        foreach (var (seconds, rows) in flattener.EventAges((time ?? TimeProvider.System).GetUtcNow()))
        {
            for (var i = 0L; i < rows; i++)
            {
                GlueTelemetry.StageFreshness.Record(Math.Max(0, seconds), tag);
            }
        }
    }

    private sealed record EtlResult(long RowsRead, long RowsWritten, int FilesWritten, IReadOnlyList<string> Partitions);
}
