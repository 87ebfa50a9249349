using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Pipeline.AwsShapes.Athena;
using Pipeline.DuckDb;
using Pipeline.LocalCloud.Athena.Results;
using Pipeline.LocalCloud.Athena.Sql;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;
using ColumnInfo = Pipeline.AwsShapes.Athena.ColumnInfo;

namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>
/// Runs one Athena query on DuckDB: resolves its tables in the Glue catalog, prunes partitions, measures the bytes
/// Athena would scan, exposes each table as a view over its files in the object store (schema per Glue database in
/// a catalog named <c>awsdatacatalog</c>, so <c>db.t</c>, <c>awsdatacatalog.db.t</c> and bare <c>t</c> resolve),
/// and returns the rows as Athena's text. Each query gets its own in-memory DuckDB.
/// </summary>
internal sealed partial class QueryEngine(IGlueCatalog catalog, IObjectStore store, AthenaOptions options)
{
    public const string CatalogName = "awsdatacatalog";

    private const string DefaultDatabase = "default";

    // Trino functions the pipeline's queries use that DuckDB names or types differently.
    private static readonly string[] Macros =
    [
        "CREATE TEMP MACRO from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMPTZ)",
        "CREATE TEMP MACRO from_iso8601_date(s) AS CAST(s AS DATE)",
        "CREATE TEMP MACRO approx_distinct(x) AS approx_count_distinct(x)",
        "CREATE TEMP MACRO from_unixtime(x) AS to_timestamp(x)",
        "CREATE TEMP MACRO to_unixtime(x) AS epoch(x)",
        "CREATE TEMP MACRO cardinality(x) AS len(x)",
        "CREATE TEMP MACRO element_at(x, i) AS x[i]",
    ];

    public async Task<QueryOutcome> RunAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        var sql = request.Sql.Trim();
        while (sql.EndsWith(';'))
        {
            sql = sql[..^1].TrimEnd();
        }

        if (request.Catalog is { Length: > 0 } requested && !string.Equals(requested, CatalogName, StringComparison.OrdinalIgnoreCase))
        {
            throw QueryErrors.Analysis($"CATALOG_NOT_FOUND: Catalog '{requested.ToLowerInvariant()}' does not exist");
        }

        var database = (request.Database is { Length: > 0 } d ? d : DefaultDatabase).ToLowerInvariant();
        if (await TryUtilityAsync(sql, database, cancellationToken).ConfigureAwait(false) is { } utility)
        {
            return utility;
        }

        using var connection = DuckDbConnections.OpenInMemory(Math.Max(1, options.ThreadsPerQuery), options.MemoryLimitPerQuery);
        using var interrupt = cancellationToken.Register(connection.Interrupt);
        try
        {
            connection.Execute("SET TimeZone = 'UTC'");
            connection.Execute("SET integer_division = true");
            foreach (var macro in Macros)
            {
                connection.Execute(macro);
            }

            var analysis = QueryAnalyzer.Analyze(connection, sql);
            var tables = new Dictionary<(string, string), ResolvedTable>();
            var scans = new List<(TableReference Reference, ResolvedTable Table, List<int>? Kept)>();
            foreach (var reference in analysis.Tables)
            {
                if (reference.Catalog is { } referenceCatalog && !string.Equals(referenceCatalog, CatalogName, StringComparison.OrdinalIgnoreCase))
                {
                    throw QueryErrors.Analysis($"CATALOG_NOT_FOUND: {SqlPosition.Of(sql, reference.Location)}: Catalog '{referenceCatalog.ToLowerInvariant()}' does not exist");
                }

                var key = ((reference.Schema ?? database).ToLowerInvariant(), reference.Name.ToLowerInvariant());
                if (!tables.TryGetValue(key, out var table))
                {
                    table = await ResolveAsync(key.Item1, key.Item2, sql, reference.Location, cancellationToken).ConfigureAwait(false);
                    tables[key] = table;
                }

                var kept = table.IsPartitioned ? PartitionPruner.Keep(connection, table, reference).ToList() : null;
                table.KeptPartitions.UnionWith(kept ?? []);
                scans.Add((reference, table, kept));
            }

            foreach (var table in tables.Values)
            {
                await LoadFilesAsync(table, cancellationToken).ConfigureAwait(false);
            }

            var scanned = scans.Sum(s => ScanMeter.Measure(connection, s.Table, s.Kept, s.Reference, analysis));

            if (request.BytesScannedCutoff is { } cutoff && scanned > cutoff)
            {
                throw QueryErrors.BytesScannedCutoff();
            }

            connection.Execute($"ATTACH ':memory:' AS {CatalogName}");
            foreach (var schema in tables.Keys.Select(k => k.Item1).Append(database).Distinct(StringComparer.Ordinal))
            {
                connection.Execute($"CREATE SCHEMA IF NOT EXISTS {CatalogName}.{DuckDbSql.Identifier(schema)}");
            }

            foreach (var ((schema, name), table) in tables)
            {
                connection.Execute($"CREATE VIEW {CatalogName}.{DuckDbSql.Identifier(schema)}.{DuckDbSql.Identifier(name)} AS {ViewBuilder.Build(table)}");
            }

            connection.Execute($"USE {CatalogName}.{DuckDbSql.Identifier(database)}");
            return Execute(connection, sql, analysis, scanned, cancellationToken);
        }
        catch (DuckDBException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw DuckDbErrors.Translate(e, sql);
        }
        catch (InvalidOperationException e) when (DuckDbErrors.ParameterCount(e) is { } translated)
        {
            // DuckDB.NET refuses to run a statement with placeholders ('?', '?1', '$1') when no values come with it;
            // Athena fails such a query the same way when StartQueryExecution has no ExecutionParameters.
            throw translated;
        }
    }

    private static QueryOutcome Execute(DuckDBConnection connection, string sql, QueryAnalysis analysis, long scanned, CancellationToken cancellationToken)
    {
        var types = new List<(string Name, string Type)>();
        const string Describe = "DESCRIBE ";
        try
        {
            using var describe = connection.Query(Describe + sql);
            while (describe.Read())
            {
                types.Add((describe.GetString(0), describe.GetString(1)));
            }
        }
        catch (DuckDBException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw DuckDbErrors.Translate(e, sql, Describe.Length);
        }

        var names = analysis.OutputNames is { } output && output.Count == types.Count
            ? output
            : types.Select(t => t.Name.ToLowerInvariant()).ToList();
        var columns = types.Select((t, i) => AthenaTypes.Column(names[i], t.Type)).ToList();
        var formatter = new ResultFormatter(types.Select(t => t.Type).ToList());
        var query = formatter.Wrap(sql, out var shift);
        var rows = new List<string?[]>();
        try
        {
            using var result = connection.QueryStreaming(query);
            while (result.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = new string?[result.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = formatter.Format(result, i);
                }

                rows.Add(row);
            }
        }
        catch (DuckDBException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw DuckDbErrors.Translate(e, sql, shift);
        }

        return new QueryOutcome(columns, rows, scanned, HasHeaderRow: true);
    }

    // A name the Glue catalog refuses (a control character, over 255 characters) cannot name anything in it: Athena
    // says the schema or table does not exist, as for a well-formed name that is missing.
    private static bool NamesNothing(AwsServiceException e) => e.Code is "EntityNotFoundException" or "InvalidInputException";

    private async Task<ResolvedTable> ResolveAsync(string database, string name, string sql, long location, CancellationToken cancellationToken)
    {
        var position = SqlPosition.Of(sql, location);
        Table table;
        try
        {
            await catalog.GetDatabaseAsync(database, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (NamesNothing(e))
        {
            throw QueryErrors.Analysis($"SCHEMA_NOT_FOUND: {position}: Schema '{database}' does not exist");
        }

        try
        {
            table = await catalog.GetTableAsync(database, name, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (NamesNothing(e))
        {
            throw QueryErrors.Analysis($"TABLE_NOT_FOUND: {position}: Table '{CatalogName}.{database}.{name}' does not exist");
        }

        var descriptor = table.StorageDescriptor;
        var serde = descriptor?.SerdeInfo?.SerializationLibrary ?? "";
        var input = descriptor?.InputFormat ?? "";
        var format = serde.Contains("parquet", StringComparison.OrdinalIgnoreCase) || input.Contains("parquet", StringComparison.OrdinalIgnoreCase) ? TableFormat.Parquet
            : serde.Contains("json", StringComparison.OrdinalIgnoreCase) ? TableFormat.Json
            : throw QueryErrors.Analysis($"NOT_SUPPORTED: {position}: LocalCloud's Athena reads JSON and Parquet tables; '{database}.{name}' uses SerDe '{serde}'");

        var keys = table.PartitionKeys ?? [];
        var partitions = keys.Count == 0 ? [] : await AllAsync(token => catalog.GetPartitionsAsync(database, name, null, token, 1000, cancellationToken)).ConfigureAwait(false);

        try
        {
            return new ResolvedTable
            {
                Database = database,
                Name = name,
                Format = format,
                Location = descriptor?.Location,
                Columns = (descriptor?.Columns ?? []).Select(c => (c.Name!.ToLowerInvariant(), HiveTypes.ToDuckDb(c.Type ?? "string"))).ToList(),
                PartitionKeys = keys.Select(c => (c.Name!.ToLowerInvariant(), HiveTypes.ToDuckDb(c.Type ?? "string"))).ToList(),
                Partitions = partitions,
            };
        }
        catch (FormatException e)
        {
            throw QueryErrors.Analysis($"HIVE_INVALID_METADATA: {position}: Table '{database}.{name}': {e.Message}");
        }
    }

    private async Task LoadFilesAsync(ResolvedTable table, CancellationToken cancellationToken)
    {
        if (!table.IsPartitioned)
        {
            await AddFilesAsync(table, table.Location, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var index in table.KeptPartitions.Order())
        {
            var partition = table.Partitions[index];
            var location = partition.StorageDescriptor?.Location;
            if (location is null && table.Location is { } root)
            {
                location = root.TrimEnd('/') + "/" + string.Join('/', table.PartitionKeys.Select((k, i) => $"{k.Name}={(i < partition.Values!.Count ? partition.Values[i] : "")}"));
            }

            await AddFilesAsync(table, location, index, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AddFilesAsync(ResolvedTable table, string? location, int? partition, CancellationToken cancellationToken)
    {
        var parsed = S3Location.TryParse(location);
        if (parsed is null)
        {
            throw QueryErrors.Data($"HIVE_METASTORE_ERROR: Table '{table.Database}.{table.Name}' has no S3 location it can read ('{location}')");
        }

        string? after = null;
        while (true)
        {
            IReadOnlyList<ObjectInfo> page;
            try
            {
                page = await store.ListObjectsAsync(parsed.Bucket, parsed.Prefix, after, 1000, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e) when (e.Code == "NoSuchBucket")
            {
                throw QueryErrors.Data($"HIVE_FILESYSTEM_ERROR: The bucket of {parsed} does not exist");
            }

            foreach (var info in page)
            {
                if (Hidden(info.Key[parsed.Prefix.Length..]))
                {
                    continue;
                }

                var path = store.GetContentPath(parsed.Bucket, info.Key)
                    ?? throw QueryErrors.Internal($"GENERIC_INTERNAL_ERROR: the object store keeps s3://{parsed.Bucket}/{info.Key} outside files");
                table.Files.Add(new DataFile(path, info.Size, IsGzip(path), partition));
            }

            if (page.Count < 1000)
            {
                return;
            }

            after = page[^1].Key;
        }
    }

    // Hive skips files and folders starting with _ or . (_SUCCESS, .crc), and folder markers.
    private static bool Hidden(string relativeKey) =>
        relativeKey.Length == 0
        || relativeKey.EndsWith('/')
        || relativeKey.EndsWith("_$folder$", StringComparison.Ordinal)
        || relativeKey.Split('/').Any(segment => segment.StartsWith('_') || segment.StartsWith('.'));

    private static bool IsGzip(string path)
    {
        Span<byte> magic = stackalloc byte[2];
        using var file = File.OpenRead(path);
        return file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    private async Task<QueryOutcome?> TryUtilityAsync(string sql, string database, CancellationToken cancellationToken)
    {
        Match match;
        if ((match = ShowDatabases().Match(sql)).Success)
        {
            var databases = await AllAsync(token => catalog.GetDatabasesAsync(token, 1000, cancellationToken)).ConfigureAwait(false);
            return Lines("database_name", Filter(databases.Select(d => d.Name!), match.Groups[1]));
        }

        if ((match = ShowTables().Match(sql)).Success)
        {
            var schema = match.Groups[1].Success ? match.Groups[1].Value.Trim('"', '`').ToLowerInvariant() : database;
            try
            {
                var tables = await AllAsync(token => catalog.GetTablesAsync(schema, null, token, 1000, cancellationToken)).ConfigureAwait(false);
                return Lines("tab_name", Filter(tables.Select(t => t.Name!), match.Groups[2]));
            }
            catch (AwsServiceException e) when (NamesNothing(e))
            {
                throw QueryErrors.Analysis($"SCHEMA_NOT_FOUND: line 1:1: Schema '{schema}' does not exist");
            }
        }

        if ((match = Describe().Match(sql)).Success)
        {
            var parts = match.Groups[1].Value.Split('.').Select(p => p.Trim('"', '`').ToLowerInvariant()).ToArray();
            var (schema, name) = parts.Length > 1 ? (parts[^2], parts[^1]) : (database, parts[0]);
            Table table;
            try
            {
                table = await catalog.GetTableAsync(schema, name, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e) when (NamesNothing(e))
            {
                throw QueryErrors.Analysis($"TABLE_NOT_FOUND: line 1:1: Table '{CatalogName}.{schema}.{name}' does not exist");
            }

            var rows = (table.StorageDescriptor?.Columns ?? []).Concat(table.PartitionKeys ?? [])
                .Select(c => new string?[] { c.Name, c.Type, c.Comment ?? "" })
                .ToList();
            var columns = new[] { "col_name", "data_type", "comment" }.Select(n => AthenaTypes.Column(n, "VARCHAR")).ToList();
            return new QueryOutcome(columns, rows, 0, HasHeaderRow: false);
        }

        return null;
    }

    /// <summary>The statement type of SHOW and DESCRIBE statements LocalCloud answers from the catalog; null for a query.</summary>
    public static string? IsUtility(string sql)
    {
        sql = sql.Trim().TrimEnd(';').Trim();
        if (ShowDatabases().IsMatch(sql) || ShowTables().IsMatch(sql))
        {
            return StatementTypeValues.Ddl;
        }

        return Describe().IsMatch(sql) ? StatementTypeValues.Utility : null;
    }

    private static async Task<List<T>> AllAsync<T>(Func<string?, Task<CatalogPage<T>>> read)
    {
        var items = new List<T>();
        string? token = null;
        do
        {
            var page = await read(token).ConfigureAwait(false);
            items.AddRange(page.Items);
            token = page.NextToken;
        }
        while (token is not null);
        return items;
    }

    private static IEnumerable<string> Filter(IEnumerable<string> names, Group pattern)
    {
        if (!pattern.Success)
        {
            return names;
        }

        // Athena's SHOW patterns: * any characters, | alternatives.
        var regex = "^(?:" + string.Join('|', pattern.Value.Split('|').Select(p => string.Join(".*", p.Split('*').Select(Regex.Escape)))) + ")$";
        return names.Where(n => Regex.IsMatch(n, regex, RegexOptions.IgnoreCase));
    }

    private static QueryOutcome Lines(string column, IEnumerable<string> values) =>
        new([AthenaTypes.Column(column, "VARCHAR")], values.Select(v => new string?[] { v }).ToList(), 0, HasHeaderRow: false);

    [GeneratedRegex(@"^SHOW\s+(?:DATABASES|SCHEMAS)(?:\s+(?:LIKE\s+)?'([^']*)')?$", RegexOptions.IgnoreCase)]
    private static partial Regex ShowDatabases();

    [GeneratedRegex(@"^SHOW\s+TABLES(?:\s+(?:IN|FROM)\s+(\S+))?(?:\s+(?:LIKE\s+)?'([^']*)')?$", RegexOptions.IgnoreCase)]
    private static partial Regex ShowTables();

    [GeneratedRegex(@"^(?:DESCRIBE|DESC)\s+(?!SELECT\b|WITH\b)([^\s;]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Describe();
}

/// <summary>What the engine needs to run one query.</summary>
internal sealed record QueryRequest(string Sql, string? Database, string? Catalog, long? BytesScannedCutoff);

/// <summary>
/// A finished query: its columns, its rows as Athena's text values (null for SQL NULL), what it scanned. A
/// <see cref="HasHeaderRow"/> outcome (SELECT) is written as CSV with a header; SHOW and DESCRIBE are text lines.
/// </summary>
internal sealed record QueryOutcome(IReadOnlyList<ColumnInfo> Columns, IReadOnlyList<string?[]> Rows, long DataScannedInBytes, bool HasHeaderRow);
