using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>
/// One crawl of a crawler's S3 targets into its database: a table per target, named after the target's last folder,
/// partitioned by the folders below it, with the merged schema of its objects. Schemas are remembered per object
/// ETag, so a recrawl reads only new or changed objects.
/// </summary>
internal sealed partial class CrawlEngine(IGlueCatalog catalog, IObjectStore store, IFileSchemaInferrer inferrer, ILogger<CrawlEngine> logger)
{
    private const int ListPageSize = 1000;
    private const int CreateBatch = 100;
    private const int DeleteBatch = 25;

    private readonly ConcurrentDictionary<(string Bucket, string Key, string ETag), FileSchema> _schemas = new();

    public async Task<CrawlCounts> CrawlAsync(StoredCrawler crawler, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(crawler.DatabaseName))
        {
            throw new CrawlException("The crawler has no DatabaseName to write tables to.");
        }

        try
        {
            await catalog.GetDatabaseAsync(crawler.DatabaseName, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "EntityNotFoundException")
        {
            throw new CrawlException($"Database {crawler.DatabaseName} not found. Create it before running the crawler.", e);
        }

        var policies = CrawlPolicies.Of(crawler);
        var counts = CrawlCounts.None;
        foreach (var target in crawler.Targets?.S3Targets ?? [])
        {
            counts = counts.Add(await CrawlTargetAsync(crawler, crawler.DatabaseName, target, policies, cancellationToken).ConfigureAwait(false));
        }

        return counts;
    }

    /// <summary>The objects of a target the crawler reads: not empty, not hidden (a <c>_</c> or <c>.</c> segment), not excluded.</summary>
    internal static bool IsCrawled(string relativeKey, long size, IReadOnlyList<ExclusionGlob> exclusions) =>
        size > 0
        && relativeKey.Length > 0
        && !relativeKey.EndsWith('/')
        && !relativeKey.Split('/').Any(segment => segment.StartsWith('_') || segment.StartsWith('.'))
        && !exclusions.Any(e => e.Excludes(relativeKey));

    private async Task<CrawlCounts> CrawlTargetAsync(StoredCrawler crawler, string databaseName, S3Target target, CrawlPolicies policies, CancellationToken cancellationToken)
    {
        var location = S3Location.Parse(target.Path ?? string.Empty);
        var exclusions = (target.Exclusions ?? []).Select(p => new ExclusionGlob(p)).ToList();
        var objects = await ListAsync(location, exclusions, cancellationToken).ConfigureAwait(false);
        var tableName = TableNaming.For(location, crawler.TablePrefix);
        var existing = await FindTableAsync(databaseName, tableName, cancellationToken).ConfigureAwait(false);

        if (objects.Count == 0)
        {
            return existing is null ? CrawlCounts.None : await VanishedTableAsync(crawler, databaseName, existing, policies, cancellationToken).ConfigureAwait(false);
        }

        var existingKeys = existing?.PartitionKeys?.Select(k => k.Name ?? string.Empty).ToList();
        var minDepth = objects.Min(o => o.Folders.Length);
        var layout = PartitionLayout.Discover(objects, existingKeys is { Count: > 0 } && existingKeys.Count <= minDepth ? existingKeys : null);
        var existingPartitions = existing is null ? [] : await PartitionsAsync(databaseName, tableName, cancellationToken).ConfigureAwait(false);
        var known = existingPartitions.Select(p => Key(p.Values!)).ToHashSet(StringComparer.Ordinal);
        var newFoldersOnly = existing is not null && policies.Recrawl == RecrawlBehavior.CrawlNewFoldersOnly;
        var newPartitions = layout.Keys.Count == 0 ? [] : layout.Partitions.Where(p => !known.Contains(Key(p.Values))).ToList();
        var read = newFoldersOnly ? newPartitions : layout.Partitions;
        var readObjects = layout.Keys.Count == 0 ? (newFoldersOnly ? [] : objects) : read.SelectMany(p => p.Objects).ToList();

        var counts = CrawlCounts.None;
        var table = existing;
        if (readObjects.Count > 0)
        {
            var schemas = readObjects.Select(o => (Object: o, Schema: Infer(o, cancellationToken))).ToList();
            var formats = schemas.Select(s => s.Schema.Format).Distinct().ToList();
            if (formats.Count > 1)
            {
                throw new CrawlException($"{location.Uri} holds both JSON and Parquet objects; a table has one format.");
            }

            var keys = layout.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var merged = SchemaMerger.Merge(schemas.Select(s => s.Schema.Columns));
            var columns = merged.Fields.Where(f => !keys.Contains(f.Name)).Select(f => f with { Type = Concrete(f.Type) }).ToList();
            if (existing?.StorageDescriptor?.Columns is { } catalogued)
            {
                columns = CatalogColumns.Evolve(catalogued, columns, readEverything: !newFoldersOnly);
            }

            var stats = new DataStats(schemas.Count, schemas.Sum(s => s.Object.Size), schemas.Sum(s => s.Schema.RecordCount));
            var input = TableDefinitions.Table(crawler.Name, tableName, location.Uri, formats[0], schemas.Any(s => s.Schema.Gzip), columns, layout.Keys, stats);
            if (existing is null)
            {
                table = await catalog.CreateTableAsync(databaseName, input, cancellationToken).ConfigureAwait(false);
                counts = counts with { TablesCreated = 1 };
                LogTableCreated(logger, crawler.Name, databaseName, tableName);
            }
            else if (Changed(existing, input))
            {
                if (policies.Update == UpdateBehavior.UpdateInDatabase)
                {
                    table = await catalog.UpdateTableAsync(databaseName, Keep(existing, input), cancellationToken).ConfigureAwait(false);
                    counts = counts with { TablesUpdated = 1 };
                    LogTableUpdated(logger, crawler.Name, databaseName, tableName);
                }
                else
                {
                    LogTableChangeIgnored(logger, crawler.Name, databaseName, tableName);
                }
            }
        }

        counts = counts with { PartitionsCreated = await CreatePartitionsAsync(databaseName, tableName, table!, location, newPartitions, cancellationToken).ConfigureAwait(false) };
        if (!newFoldersOnly && layout.Keys.Count > 0)
        {
            var found = layout.Partitions.Select(p => Key(p.Values!)).ToHashSet(StringComparer.Ordinal);
            var vanished = existingPartitions.Where(p => !found.Contains(Key(p.Values!))).ToList();
            counts = counts.Add(await VanishedPartitionsAsync(crawler, databaseName, tableName, vanished, policies, cancellationToken).ConfigureAwait(false));
        }

        return counts;
    }

    private FileSchema Infer(CrawlObject crawled, CancellationToken cancellationToken)
    {
        var cacheKey = (crawled.Bucket, crawled.Key, crawled.ETag);
        if (_schemas.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        var path = store.GetContentPath(crawled.Bucket, crawled.Key)
            ?? throw new CrawlException($"s3://{crawled.Bucket}/{crawled.Key} cannot be read.");
        FileSchema schema;
        try
        {
            schema = inferrer.Infer(path, cancellationToken);
        }
        catch (CrawlException e)
        {
            throw new CrawlException($"s3://{crawled.Bucket}/{crawled.Key}: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new CrawlException($"s3://{crawled.Bucket}/{crawled.Key} cannot be read: {e.Message}", e);
        }

        cancellationToken.ThrowIfCancellationRequested();
        _schemas[cacheKey] = schema;
        return schema;
    }

    private async Task<List<CrawlObject>> ListAsync(S3Location location, IReadOnlyList<ExclusionGlob> exclusions, CancellationToken cancellationToken)
    {
        if (!await store.BucketExistsAsync(location.Bucket, cancellationToken).ConfigureAwait(false))
        {
            throw new CrawlException($"The S3 bucket {location.Bucket} of target {location.Uri} does not exist.");
        }

        var objects = new List<CrawlObject>();
        string? after = null;
        while (true)
        {
            var page = await store.ListObjectsAsync(location.Bucket, location.Prefix, after, ListPageSize, cancellationToken).ConfigureAwait(false);
            foreach (var info in page)
            {
                var relative = info.Key[location.Prefix.Length..];
                if (IsCrawled(relative, info.Size, exclusions))
                {
                    objects.Add(new CrawlObject(info.Bucket, info.Key, relative, info.Size, info.ETag));
                }
            }

            if (page.Count < ListPageSize)
            {
                return objects;
            }

            after = page[^1].Key;
        }
    }

    private async Task<Table?> FindTableAsync(string databaseName, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            return await catalog.GetTableAsync(databaseName, tableName, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "EntityNotFoundException")
        {
            return null;
        }
    }

    private async Task<List<Partition>> PartitionsAsync(string databaseName, string tableName, CancellationToken cancellationToken)
    {
        var partitions = new List<Partition>();
        string? token = null;
        do
        {
            var page = await catalog.GetPartitionsAsync(databaseName, tableName, null, token, 1000, cancellationToken).ConfigureAwait(false);
            partitions.AddRange(page.Items);
            token = page.NextToken;
        }
        while (token is not null);
        return partitions;
    }

    private async Task<int> CreatePartitionsAsync(string databaseName, string tableName, Table table, S3Location location, IReadOnlyList<DiscoveredPartition> partitions, CancellationToken cancellationToken)
    {
        var created = 0;
        foreach (var batch in partitions.Chunk(CreateBatch))
        {
            var inputs = batch.Select(p => TableDefinitions.Partition(table.StorageDescriptor, p.Values, location.Uri + p.Folder)).ToList();
            var errors = await catalog.BatchCreatePartitionAsync(databaseName, tableName, inputs, cancellationToken).ConfigureAwait(false);
            var failed = errors.FirstOrDefault(e => e.ErrorDetail?.ErrorCode != GlueErrors.AlreadyExists);
            if (failed is not null)
            {
                throw new CrawlException($"Partition [{string.Join(", ", failed.PartitionValues ?? [])}] of {databaseName}.{tableName} could not be created: {failed.ErrorDetail?.ErrorMessage}");
            }

            created += inputs.Count - errors.Count;
        }

        return created;
    }

    private async Task<CrawlCounts> VanishedPartitionsAsync(StoredCrawler crawler, string databaseName, string tableName, IReadOnlyList<Partition> vanished, CrawlPolicies policies, CancellationToken cancellationToken)
    {
        switch (policies.Delete)
        {
            case DeleteBehavior.DeleteFromDatabase:
                var deleted = 0;
                foreach (var batch in vanished.Chunk(DeleteBatch))
                {
                    var errors = await catalog.BatchDeletePartitionAsync(databaseName, tableName, batch.Select(p => p.Values!).ToList(), cancellationToken).ConfigureAwait(false);
                    deleted += batch.Length - errors.Count;
                }

                return new CrawlCounts { PartitionsDeleted = deleted };
            case DeleteBehavior.DeprecateInDatabase:
                var deprecated = 0;
                foreach (var partition in vanished.Where(p => p.Parameters?.ContainsKey(TableDefinitions.DeprecatedByCrawler) != true))
                {
                    var parameters = new Dictionary<string, string>(partition.Parameters ?? new Dictionary<string, string>()) { [TableDefinitions.DeprecatedByCrawler] = crawler.Name };
                    await catalog.UpdatePartitionAsync(databaseName, tableName, partition.Values!, new PartitionInput { Values = partition.Values, StorageDescriptor = partition.StorageDescriptor, Parameters = parameters }, cancellationToken).ConfigureAwait(false);
                    deprecated++;
                }

                return new CrawlCounts { PartitionsUpdated = deprecated };
            default:
                if (vanished.Count > 0)
                {
                    LogPartitionsVanished(logger, crawler.Name, databaseName, tableName, vanished.Count);
                }

                return CrawlCounts.None;
        }
    }

    // A target without data: its table goes as the delete behavior says, if this crawler made it.
    private async Task<CrawlCounts> VanishedTableAsync(StoredCrawler crawler, string databaseName, Table table, CrawlPolicies policies, CancellationToken cancellationToken)
    {
        if (table.Parameters?.GetValueOrDefault(TableDefinitions.UpdatedByCrawler) != crawler.Name)
        {
            return CrawlCounts.None;
        }

        switch (policies.Delete)
        {
            case DeleteBehavior.DeleteFromDatabase:
                await catalog.DeleteTableAsync(databaseName, table.Name!, cancellationToken).ConfigureAwait(false);
                return new CrawlCounts { TablesDeleted = 1 };
            case DeleteBehavior.DeprecateInDatabase when table.Parameters?.ContainsKey(TableDefinitions.DeprecatedByCrawler) != true:
                var input = ToInput(table) with { Parameters = new Dictionary<string, string>(table.Parameters ?? new Dictionary<string, string>()) { [TableDefinitions.DeprecatedByCrawler] = crawler.Name } };
                await catalog.UpdateTableAsync(databaseName, input, cancellationToken).ConfigureAwait(false);
                return new CrawlCounts { TablesUpdated = 1 };
            default:
                LogTableVanished(logger, crawler.Name, databaseName, table.Name!);
                return CrawlCounts.None;
        }
    }

    // What a crawl compares: columns, partition keys, format. Sizes and counts change with every new object.
    private static bool Changed(Table existing, TableInput crawled)
    {
        static string Columns(IEnumerable<Column>? columns) => string.Join(',', (columns ?? []).Select(c => c.Name + ":" + c.Type));
        var sd = existing.StorageDescriptor;
        return Columns(sd?.Columns) != Columns(crawled.StorageDescriptor!.Columns)
            || Columns(existing.PartitionKeys) != Columns(crawled.PartitionKeys)
            || sd?.SerdeInfo?.SerializationLibrary != crawled.StorageDescriptor.SerdeInfo?.SerializationLibrary
            || existing.Parameters?.GetValueOrDefault("compressionType") != crawled.Parameters!["compressionType"]
            || existing.Parameters?.ContainsKey(TableDefinitions.DeprecatedByCrawler) == true;
    }

    // The crawled definition, keeping parameters someone else set on the table (but not a deprecation mark).
    private static TableInput Keep(Table existing, TableInput crawled)
    {
        var parameters = new Dictionary<string, string>(existing.Parameters ?? new Dictionary<string, string>());
        parameters.Remove(TableDefinitions.DeprecatedByCrawler);
        foreach (var (key, value) in crawled.Parameters!)
        {
            parameters[key] = value;
        }

        return crawled with { Description = existing.Description, Parameters = parameters };
    }

    private static TableInput ToInput(Table table) => new()
    {
        Name = table.Name,
        Description = table.Description,
        Owner = table.Owner,
        TableType = table.TableType,
        Parameters = table.Parameters,
        PartitionKeys = table.PartitionKeys,
        StorageDescriptor = table.StorageDescriptor,
        Retention = table.Retention,
    };

    // A field only ever null is a string column, as Glue catalogs it.
    private static HiveType Concrete(HiveType type) => type switch
    {
        HiveUnknown => HivePrimitive.String,
        HiveStruct s => new HiveStruct(s.Fields.Select(f => f with { Type = Concrete(f.Type) }).ToList()),
        HiveArray a => new HiveArray(Concrete(a.Element)),
        HiveMap m => new HiveMap(Concrete(m.Key), Concrete(m.Value)),
        _ => type,
    };

    private static string Key(IEnumerable<string> values) => string.Join('\u0001', values);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawler {Crawler} created table {Database}.{Table}")]
    private static partial void LogTableCreated(ILogger logger, string crawler, string database, string table);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawler {Crawler} updated table {Database}.{Table}")]
    private static partial void LogTableUpdated(ILogger logger, string crawler, string database, string table);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawler {Crawler}: the schema of {Database}.{Table} changed; UpdateBehavior LOG leaves the table as it is")]
    private static partial void LogTableChangeIgnored(ILogger logger, string crawler, string database, string table);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawler {Crawler}: {Count} partitions of {Database}.{Table} have no data any more; DeleteBehavior LOG keeps them")]
    private static partial void LogPartitionsVanished(ILogger logger, string crawler, string database, string table, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Crawler {Crawler}: the data of {Database}.{Table} vanished; the table stays")]
    private static partial void LogTableVanished(ILogger logger, string crawler, string database, string table);
}
