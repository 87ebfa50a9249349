using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Pipeline.Aws;
using Pipeline.Aws.Glue;
using Pipeline.DuckDb;

namespace Pipeline.LocalGlueJob;

/// <summary>
/// The local <c>pipeline_etl.py</c>: the same steps as the Spark script (docs/orchestration.md, "The ETL job") on
/// DuckDB, through the same AWS APIs. Raw objects not yet bookmarked, downloaded → flatten → dedupe within the input
/// and against stage → Parquet in a temporary folder → uploaded only once every file is written → stage table and
/// partitions in the catalog → run summary → bookmark. Runs writing the same stage table take turns
/// (<see cref="StageLock"/>), so a run's dedupe sees what an earlier run wrote.
/// </summary>
/// <param name="catalog">Glue, for the Data Catalog.</param>
/// <param name="storage">S3.</param>
/// <param name="tempRoot">The local temporary folder: each run's files go in a folder of its own under it.</param>
/// <param name="time">The clock of the stage freshness.</param>
internal sealed class PipelineEtlScript(GlueClient catalog, IObjectStorage storage, string tempRoot, TimeProvider? time = null)
{

    private const string ParquetSerDe = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    private const string ParquetInputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    private const string ParquetOutputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
    private const int ListPageSize = 1000;

    /// <exception cref="Exception">The run failed; the message says why.</exception>
    public async Task RunAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        var args = EtlArguments.Parse(run.Arguments);
        run.Log.WriteLine($"job_started dataset={args.Dataset} raw_table={args.Database}.{args.RawTable} stage_table={args.Database}.{args.StageTable} " +
            $"partitions={(args.Partitions is null ? "all" : args.Partitions.Count.ToString(CultureInfo.InvariantCulture))} bookmark={args.BookmarkOption} " +
            $"traceparent={args.Traceparent ?? "-"} source_event_id={args.SourceEventId ?? "-"}");

        using (await StageLock.AcquireAsync(tempRoot, $"{args.Database}.{args.StageTable}", cancellationToken).ConfigureAwait(false))
        {
            await RunExclusiveAsync(run, args, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunExclusiveAsync(JobRunContext run, EtlArguments args, CancellationToken ct)
    {
        Table raw;
        try
        {
            raw = await catalog.GetTableAsync(args.Database, args.RawTable, ct).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == GlueErrorCodes.EntityNotFound)
        {
            throw new InvalidOperationException($"The raw table {args.Database}.{args.RawTable} is not in the Data Catalog ({e.Message}); has the crawler run?", e);
        }

        var columns = (raw.StorageDescriptor?.Columns ?? []).Select(c => (c.Name ?? string.Empty, c.Type ?? "string")).ToList();
        var locations = await RawLocationsAsync(raw, args, run.Log, ct).ConfigureAwait(false);
        var bookmarks = new JobBookmarks(storage, JobBookmarks.FolderFor(args.RunSummaryPath));
        var bookmarked = args.BookmarkOption == "job-bookmark-disable" ? new Dictionary<string, string>() : await bookmarks.LoadAsync(run.JobName, ct).ConfigureAwait(false);
        var objects = new List<StoredObject>();
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
        run.Log.WriteLine($"raw_objects locations={locations.Count} new_objects={objects.Count} already_bookmarked={bookmarked.Count}");

        var temp = Path.Combine(tempRoot, run.JobRunId);
        Directory.CreateDirectory(temp);
        try
        {
            var result = await TransformAsync(run, args, columns, objects, temp, ct).ConfigureAwait(false);
            var summary = new RunSummary(run.JobName, run.JobRunId, args.Dataset, result.RowsRead, result.RowsWritten, result.RowsRead - result.RowsWritten, result.FilesWritten, result.Partitions);
            var summaryKey = $"{args.RunSummaryPath.Prefix}{run.JobName}/{run.JobRunId}.json";
            using (var body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(summary, LocalGlueJobJsonContext.Default.RunSummary)))
            {
                await storage.PutObjectAsync(args.RunSummaryPath.Bucket, summaryKey, body, "application/json", ct).ConfigureAwait(false);
            }

            run.Log.WriteLine($"job_finished summary=s3://{args.RunSummaryPath.Bucket}/{summaryKey} rows_read={summary.RowsRead} rows_written={summary.RowsWritten} " +
                $"duplicates_dropped={summary.DuplicatesDropped} files_written={summary.FilesWritten} partitions={string.Join(',', summary.Partitions)}");

            // Last: the bookmark moves only when everything above succeeded, so a failed run's objects are read again.
            Lifeline.Reached("JobRunPublished");
            if (args.BookmarkOption == "job-bookmark-enable")
            {
                await bookmarks.CommitAsync(run.JobName, objects.Select(o => KeyValuePair.Create(BookmarkKey(o), o.ETag)), ct).ConfigureAwait(false);
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

    private async Task<EtlResult> TransformAsync(JobRunContext run, EtlArguments args, List<(string, string)> columns, List<StoredObject> objects, string temp, CancellationToken ct)
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

        var downloads = 0;
        foreach (var info in objects)
        {
            ct.ThrowIfCancellationRequested();
            var path = await DownloadAsync(info, Path.Combine(temp, "input-" + (downloads++).ToString(CultureInfo.InvariantCulture)), ct).ConfigureAwait(false);
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
            run.Log.WriteLine("no new rows: nothing to write");
            return new EtlResult(0, 0, 0, []);
        }

        // Only ids in the stage partitions this run writes to can collide: the id's time decides its partition.
        var touched = flattener.PartitionValues("flat").Select(v => string.Join('\u0001', v)).ToHashSet(StringComparer.Ordinal);
        var stageFiles = new List<string>();
        foreach (var info in await ListAsync(args.StagePath.Bucket, args.StagePath.Prefix, ct).ConfigureAwait(false))
        {
            var relative = info.Key[args.StagePath.Prefix.Length..];
            if (info.Key.EndsWith(".parquet", StringComparison.Ordinal)
                && touched.Contains(string.Join('\u0001', PartitionOf(relative, flattener.Keys.Count))))
            {
                stageFiles.Add(await DownloadAsync(info, Path.Combine(temp, "stage-" + stageFiles.Count.ToString(CultureInfo.InvariantCulture) + ".parquet"), ct).ConfigureAwait(false));
            }
        }

        flattener.AddExistingIdsFromParquet(stageFiles);
        var rowsWritten = flattener.Dedupe();
        run.Log.WriteLine($"flattened rows_read={rowsRead} stage_files_checked={stageFiles.Count} rows_written={rowsWritten}");
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
        run.Log.WriteLine($"published files={files.Count} to {args.StagePath}");
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
                await storage.PutObjectAsync(args.StagePath.Bucket, key, content, "application/vnd.apache.parquet", ct).ConfigureAwait(false);
                published.Add(key);
            }
        }
        catch
        {
            foreach (var key in published)
            {
                await storage.DeleteObjectAsync(args.StagePath.Bucket, key, CancellationToken.None).ConfigureAwait(false);
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
            SerdeInfo = new SerDeInfo { SerializationLibrary = ParquetSerDe, Parameters = new Dictionary<string, string> { ["serialization.format"] = "1" } },
            Parameters = new Dictionary<string, string> { ["classification"] = "parquet" },
        };

        var table = new TableInput
        {
            Name = args.StageTable,
            TableType = "EXTERNAL_TABLE",
            Parameters = new Dictionary<string, string> { ["classification"] = "parquet", ["compressionType"] = args.OutputCompression, ["typeOfData"] = "file" },
            PartitionKeys = flattener.Keys.Select(k => new Column { Name = k.Name, Type = "string" }).ToList(),
            StorageDescriptor = Descriptor(location),
        };

        var exists = true;
        try
        {
            await catalog.GetTableAsync(args.Database, args.StageTable, ct).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == GlueErrorCodes.EntityNotFound)
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
            var real = errors.Where(e => e.ErrorDetail?.ErrorCode != GlueErrorCodes.AlreadyExists).ToList();
            if (real.Count > 0)
            {
                throw new InvalidOperationException($"Could not add stage partitions: {string.Join("; ", real.Select(e => e.ErrorDetail?.ErrorMessage))}");
            }
        }
    }

    private async Task<List<S3Uri>> RawLocationsAsync(Table raw, EtlArguments args, TextWriter log, CancellationToken ct)
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
            partitions.AddRange(await catalog.GetAllPartitionsAsync(args.Database, args.RawTable, cancellationToken: ct).ConfigureAwait(false));
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
                log.WriteLine($"{wanted.Count - partitions.Count} of the {wanted.Count} requested partitions are not in the catalog; they are skipped");
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

    private async Task<List<StoredObject>> ListAsync(string bucket, string prefix, CancellationToken ct)
    {
        var all = new List<StoredObject>();
        string? after = null;
        while (true)
        {
            var page = await storage.ListObjectsAsync(bucket, prefix, after, ListPageSize, ct).ConfigureAwait(false);
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

    private async Task<string> DownloadAsync(StoredObject info, string path, CancellationToken ct)
    {
        await using var source = await storage.OpenReadAsync(info.Bucket, info.Key, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"s3://{info.Bucket}/{info.Key} disappeared while the run was reading it.");
        await using var target = File.Create(path);
        await source.CopyToAsync(target, ct).ConfigureAwait(false);
        return path;
    }

    private static string BookmarkKey(StoredObject info) => info.Bucket + "/" + info.Key;

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
                JobTelemetry.StageFreshness.Record(Math.Max(0, seconds), tag);
            }
        }
    }

    private sealed record EtlResult(long RowsRead, long RowsWritten, int FilesWritten, IReadOnlyList<string> Partitions);
}
