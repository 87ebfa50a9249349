using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Glue.Api;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Glue.Catalog;

/// <summary>
/// The catalog in memory, written whole to <c>&lt;data dir&gt;/glue/catalog.json</c> (a <see cref="StateDocument{T}"/>) after
/// every change and read back at first use. A local catalog holds hundreds of entries, not millions, so rewriting
/// it is cheaper than a schema.
/// </summary>
internal sealed class GlueCatalog : IGlueCatalog
{
    public const string Folder = "glue";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;
    private readonly string _accountId;
    private readonly StateDocument<GlueCatalogState> _file;
    private GlueCatalogState? _state;

    public GlueCatalog(LocalCloudOptions cloud, TimeProvider time)
    {
        _time = time;
        _accountId = cloud.AccountId;
        _file = new(Path.Combine(cloud.DataDirectory, Folder, "catalog.json"), GlueApiJsonContext.Default.GlueCatalogState);
    }

    public Task<Database> CreateDatabaseAsync(DatabaseInput input, CancellationToken cancellationToken = default) =>
        WriteAsync(state =>
        {
            var name = Name(input.Name, "DatabaseInput.Name");
            if (state.Databases.Any(d => d.Name == name))
            {
                throw GlueErrors.Exists($"Database already exists.");
            }

            var database = new Database
            {
                Name = name,
                Description = input.Description,
                LocationUri = input.LocationUri,
                Parameters = input.Parameters ?? new Dictionary<string, string>(),
                CreateTime = Now(),
                CatalogId = _accountId,
            };
            state.Databases.Add(database);
            return database;
        }, cancellationToken);

    public Task<Database> GetDatabaseAsync(string name, CancellationToken cancellationToken = default) =>
        ReadAsync(state => FindDatabase(state, Name(name, "Name")), cancellationToken);

    public Task<CatalogPage<Database>> GetDatabasesAsync(string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default) =>
        ReadAsync(state => CatalogPaging.Page(state.Databases, d => d.Name!, nextToken, maxResults), cancellationToken);

    public Task DeleteDatabaseAsync(string name, CancellationToken cancellationToken = default) =>
        WriteAsync(state =>
        {
            var database = FindDatabase(state, Name(name, "Name"));
            state.Databases.Remove(database);
            state.Tables.RemoveAll(t => t.DatabaseName == database.Name);
            state.Partitions.RemoveAll(p => p.DatabaseName == database.Name);
            return database;
        }, cancellationToken);

    public Task<Table> CreateTableAsync(string databaseName, TableInput input, CancellationToken cancellationToken = default) =>
        WriteAsync(state =>
        {
            var database = FindDatabase(state, Name(databaseName, "DatabaseName"));
            var name = Name(input.Name, "TableInput.Name");
            if (state.Tables.Any(t => t.DatabaseName == database.Name && t.Name == name))
            {
                throw GlueErrors.Exists($"Table already exists.");
            }

            var now = Now();
            var table = ToTable(database.Name!, name, input, now, now);
            state.Tables.Add(table);
            return table;
        }, cancellationToken);

    public Task<Table> GetTableAsync(string databaseName, string name, CancellationToken cancellationToken = default) =>
        ReadAsync(state => FindTable(state, Name(databaseName, "DatabaseName"), Name(name, "Name")), cancellationToken);

    public Task<CatalogPage<Table>> GetTablesAsync(string databaseName, string? expression = null, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default) =>
        ReadAsync(state =>
        {
            var database = FindDatabase(state, Name(databaseName, "DatabaseName"));
            var filter = TableFilter(expression);
            var tables = state.Tables.Where(t => t.DatabaseName == database.Name && (filter is null || filter.IsMatch(t.Name!))).ToList();
            return CatalogPaging.Page(tables, t => t.Name!, nextToken, maxResults);
        }, cancellationToken);

    public Task<Table> UpdateTableAsync(string databaseName, TableInput input, CancellationToken cancellationToken = default) =>
        WriteAsync(state =>
        {
            var existing = FindTable(state, Name(databaseName, "DatabaseName"), Name(input.Name, "TableInput.Name"));
            var table = ToTable(existing.DatabaseName!, existing.Name!, input, existing.CreateTime, Now());
            state.Tables[state.Tables.IndexOf(existing)] = table;
            return table;
        }, cancellationToken);

    public Task DeleteTableAsync(string databaseName, string name, CancellationToken cancellationToken = default) =>
        WriteAsync(state =>
        {
            var table = FindTable(state, Name(databaseName, "DatabaseName"), Name(name, "Name"));
            state.Tables.Remove(table);
            state.Partitions.RemoveAll(p => p.DatabaseName == table.DatabaseName && p.TableName == table.Name);
            return table;
        }, cancellationToken);

    public Task<IReadOnlyList<PartitionError>> BatchCreatePartitionAsync(string databaseName, string tableName, IReadOnlyList<PartitionInput> partitions, CancellationToken cancellationToken = default)
    {
        if (partitions.Count is < 1 or > 100)
        {
            throw GlueErrors.InvalidInput($"PartitionInputList must hold 1 to 100 partitions, not {partitions.Count}.");
        }

        return WriteAsync<IReadOnlyList<PartitionError>>(state =>
        {
            var table = FindTable(state, Name(databaseName, "DatabaseName"), Name(tableName, "TableName"));
            var keyCount = table.PartitionKeys?.Count ?? 0;
            var errors = new List<PartitionError>();
            var now = Now();
            foreach (var input in partitions)
            {
                var values = input.Values ?? [];
                if (values.Count != keyCount)
                {
                    errors.Add(Error(values, "InvalidInputException", "The number of partition keys do not match the number of partition values"));
                }
                else if (state.Partitions.Any(p => p.DatabaseName == table.DatabaseName && p.TableName == table.Name && Same(p.Values, values)))
                {
                    errors.Add(Error(values, GlueErrors.AlreadyExists, "Partition already exists."));
                }
                else
                {
                    state.Partitions.Add(new Partition
                    {
                        Values = [.. values],
                        DatabaseName = table.DatabaseName,
                        TableName = table.Name,
                        CreationTime = now,
                        LastAccessTime = input.LastAccessTime,
                        StorageDescriptor = input.StorageDescriptor,
                        Parameters = input.Parameters ?? new Dictionary<string, string>(),
                        CatalogId = _accountId,
                    });
                }
            }

            return errors;
        }, cancellationToken);
    }

    public Task<Partition> GetPartitionAsync(string databaseName, string tableName, IReadOnlyList<string> values, CancellationToken cancellationToken = default) =>
        ReadAsync(state =>
        {
            var table = FindTable(state, Name(databaseName, "DatabaseName"), Name(tableName, "TableName"));
            return FindPartition(state, table, values) ?? throw GlueErrors.NotFound("Cannot find partition.");
        }, cancellationToken);

    public Task<IReadOnlyList<Partition>> BatchGetPartitionAsync(string databaseName, string tableName, IReadOnlyList<IReadOnlyList<string>> values, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Partition>>(state =>
        {
            var table = FindTable(state, Name(databaseName, "DatabaseName"), Name(tableName, "TableName"));
            return values.Select(v => FindPartition(state, table, v)).OfType<Partition>().ToList();
        }, cancellationToken);

    public Task<CatalogPage<Partition>> GetPartitionsAsync(string databaseName, string tableName, string? expression = null, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default) =>
        ReadAsync(state =>
        {
            var table = FindTable(state, Name(databaseName, "DatabaseName"), Name(tableName, "TableName"));
            var filter = string.IsNullOrWhiteSpace(expression)
                ? null
                : PartitionExpression.Parse(expression, (table.PartitionKeys ?? []).Select(k => k.Name ?? string.Empty).ToList());
            var partitions = state.Partitions
                .Where(p => p.DatabaseName == table.DatabaseName && p.TableName == table.Name && (filter is null || filter.Matches(p.Values!)))
                .ToList();
            return CatalogPaging.Page(partitions, p => string.Join('\u0001', p.Values!), nextToken, maxResults);
        }, cancellationToken);

    public Task<Partition> UpdatePartitionAsync(string databaseName, string tableName, IReadOnlyList<string> values, PartitionInput input, CancellationToken cancellationToken = default) =>
        WriteAsync(state =>
        {
            var table = FindTable(state, Name(databaseName, "DatabaseName"), Name(tableName, "TableName"));
            var existing = FindPartition(state, table, values) ?? throw GlueErrors.NotFound("Cannot find partition.");
            var updated = existing with
            {
                LastAccessTime = input.LastAccessTime ?? existing.LastAccessTime,
                StorageDescriptor = input.StorageDescriptor,
                Parameters = input.Parameters ?? new Dictionary<string, string>(),
            };
            state.Partitions[state.Partitions.IndexOf(existing)] = updated;
            return updated;
        }, cancellationToken);

    public Task<IReadOnlyList<PartitionError>> BatchDeletePartitionAsync(string databaseName, string tableName, IReadOnlyList<IReadOnlyList<string>> values, CancellationToken cancellationToken = default)
    {
        if (values.Count is < 1 or > 25)
        {
            throw GlueErrors.InvalidInput($"PartitionsToDelete must hold 1 to 25 partitions, not {values.Count}.");
        }

        return WriteAsync<IReadOnlyList<PartitionError>>(state =>
        {
            var table = FindTable(state, Name(databaseName, "DatabaseName"), Name(tableName, "TableName"));
            var errors = new List<PartitionError>();
            foreach (var partitionValues in values)
            {
                if (FindPartition(state, table, partitionValues) is { } partition)
                {
                    state.Partitions.Remove(partition);
                }
                else
                {
                    errors.Add(Error(partitionValues, "EntityNotFoundException", "Cannot find partition."));
                }
            }

            return errors;
        }, cancellationToken);
    }

    /// <summary>Checks a name against the model (1–255 characters of its single-line pattern) and lower-cases it, as Glue stores names.</summary>
    internal static string Name(string? name, string member)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 255)
        {
            throw GlueErrors.InvalidInput($"1 validation error detected: Value '{name}' at '{member}' failed to satisfy constraint: Member must have length between 1 and 255");
        }

        if (name.Any(c => c < ' ' && c != '\t'))
        {
            throw GlueErrors.InvalidInput($"1 validation error detected: Value at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*");
        }

        return name.ToLowerInvariant();
    }

    private Table ToTable(string databaseName, string name, TableInput input, DateTimeOffset? createTime, DateTimeOffset updateTime) => new()
    {
        Name = name,
        DatabaseName = databaseName,
        Description = input.Description,
        Owner = input.Owner,
        CreateTime = createTime,
        UpdateTime = updateTime,
        Retention = input.Retention ?? 0,
        TableType = input.TableType,
        Parameters = input.Parameters ?? new Dictionary<string, string>(),
        PartitionKeys = LowerNames(input.PartitionKeys) ?? [],
        StorageDescriptor = input.StorageDescriptor is { } sd ? sd with { Columns = LowerNames(sd.Columns) } : null,
        CatalogId = _accountId,
        IsRegisteredWithLakeFormation = false,
    };

    // Glue lower-cases column names (Hive is case-insensitive); types stay as given.
    private static List<Column>? LowerNames(IReadOnlyList<Column>? columns) =>
        columns?.Select(c => c with { Name = c.Name?.ToLowerInvariant() }).ToList();

    private static Regex? TableFilter(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression) || expression.Trim() == "*")
        {
            return null;
        }

        try
        {
            return new Regex("^(?:" + expression + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw GlueErrors.InvalidInput($"Expression '{expression}' is not a valid pattern: {e.Message}");
        }
    }

    private static Database FindDatabase(GlueCatalogState state, string name) =>
        state.Databases.FirstOrDefault(d => d.Name == name) ?? throw GlueErrors.NotFound($"Database {name} not found.");

    private static Table FindTable(GlueCatalogState state, string databaseName, string name)
    {
        FindDatabase(state, databaseName);
        return state.Tables.FirstOrDefault(t => t.DatabaseName == databaseName && t.Name == name)
            ?? throw GlueErrors.NotFound($"Table {name} not found.");
    }

    private static Partition? FindPartition(GlueCatalogState state, Table table, IReadOnlyList<string> values) =>
        state.Partitions.FirstOrDefault(p => p.DatabaseName == table.DatabaseName && p.TableName == table.Name && Same(p.Values, values));

    private static PartitionError Error(IReadOnlyList<string> values, string code, string message) =>
        new() { PartitionValues = [.. values], ErrorDetail = new ErrorDetail { ErrorCode = code, ErrorMessage = message } };

    private static bool Same(IReadOnlyList<string>? values, IReadOnlyList<string> other) => (values ?? []).SequenceEqual(other, StringComparer.Ordinal);

    // Whole milliseconds, as the JSON protocol writes timestamps, so a reloaded catalog compares equal.
    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());

    private async Task<T> ReadAsync<T>(Func<GlueCatalogState, T> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return read(_state ??= Load());
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<T> WriteAsync<T>(Func<GlueCatalogState, T> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Changes are made to a copy, so a failed write leaves memory matching the file.
            var current = _state ??= Load();
            var next = new GlueCatalogState([.. current.Databases], [.. current.Tables], [.. current.Partitions]);
            var result = change(next);
            Save(next);
            _state = next;
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private GlueCatalogState Load() => _file.Load() ?? new GlueCatalogState([], [], []);

    private void Save(GlueCatalogState state) => _file.Save(state);
}

/// <summary>The whole catalog as written to <c>&lt;data dir&gt;/glue/catalog.json</c>.</summary>
internal sealed record GlueCatalogState(List<Database> Databases, List<Table> Tables, List<Partition> Partitions);
