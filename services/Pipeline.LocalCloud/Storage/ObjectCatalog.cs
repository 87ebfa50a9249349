using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;

namespace Pipeline.LocalCloud.Storage;

/// <summary>
/// Buckets and object metadata in SQLite. Keys are stored as UTF-8 BLOBs, which SQLite compares with memcmp: exactly
/// S3's listing order. Not thread-safe: <see cref="FileObjectStore"/> serialises every call.
/// </summary>
internal sealed class ObjectCatalog : IDisposable
{
    private const string ObjectColumns = "key, size, etag, modified_ms, content_type, content_encoding, metadata, content_file";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly SqliteConnection _connection;

    static ObjectCatalog()
    {
        SQLitePCL.Batteries_V2.Init();
    }

    public ObjectCatalog(string databasePath)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Pooling would keep the file open after Dispose, which a restart in the same process must not see.
            Pooling = false,
        }.ToString());
        _connection.Open();
        Execute(
            """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS buckets (
                name TEXT NOT NULL PRIMARY KEY,
                created_ms INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS objects (
                bucket TEXT NOT NULL,
                key BLOB NOT NULL,
                size INTEGER NOT NULL,
                etag TEXT NOT NULL,
                modified_ms INTEGER NOT NULL,
                content_type TEXT NOT NULL,
                content_encoding TEXT,
                metadata TEXT NOT NULL,
                content_file TEXT NOT NULL,
                PRIMARY KEY (bucket, key)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS pending (
                id INTEGER PRIMARY KEY,
                bucket TEXT NOT NULL,
                key BLOB NOT NULL,
                size INTEGER NOT NULL,
                etag TEXT NOT NULL,
                modified_ms INTEGER NOT NULL,
                content_type TEXT NOT NULL,
                content_encoding TEXT,
                metadata TEXT NOT NULL,
                content_file TEXT NOT NULL,
                temp_file TEXT
            );
            """,
            null);
    }

    public bool BucketExists(string bucket) => Scalar("SELECT 1 FROM buckets WHERE name = $name", ("$name", bucket)) is not null;

    public bool InsertBucket(string bucket, DateTimeOffset created) => Execute(
        "INSERT INTO buckets (name, created_ms) VALUES ($name, $created) ON CONFLICT (name) DO NOTHING",
        null,
        ("$name", bucket),
        ("$created", created.ToUnixTimeMilliseconds())) == 1;

    public List<BucketInfo> ListBuckets()
    {
        using var command = Command("SELECT name, created_ms FROM buckets ORDER BY name");
        using var reader = command.ExecuteReader();
        var buckets = new List<BucketInfo>();
        while (reader.Read())
        {
            buckets.Add(new BucketInfo(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))));
        }

        return buckets;
    }

    public bool BucketHasObjects(string bucket) =>
        Scalar("SELECT 1 FROM objects WHERE bucket = $bucket LIMIT 1", ("$bucket", bucket)) is not null;

    public void DeleteBucket(string bucket) => Execute("DELETE FROM buckets WHERE name = $name", null, ("$name", bucket));

    public CatalogEntry? GetObject(string bucket, string key)
    {
        using var command = Command(
            $"SELECT {ObjectColumns} FROM objects WHERE bucket = $bucket AND key = $key",
            ("$bucket", bucket),
            ("$key", Utf8.GetBytes(key)));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadEntry(bucket, reader) : null;
    }

    /// <summary>Up to <paramref name="limit"/> objects whose keys start with <paramref name="prefix"/> and sort after <paramref name="startAfter"/>.</summary>
    public List<CatalogEntry> ListObjects(string bucket, string prefix, string? startAfter, int limit)
    {
        var sql = new StringBuilder($"SELECT {ObjectColumns} FROM objects WHERE bucket = $bucket");
        var parameters = new List<(string, object?)> { ("$bucket", bucket), ("$limit", limit) };
        if (prefix.Length > 0)
        {
            var lower = Utf8.GetBytes(prefix);
            sql.Append(" AND key >= $lower");
            parameters.Add(("$lower", lower));
            if (PrefixUpperBound(lower) is { } upper)
            {
                sql.Append(" AND key < $upper");
                parameters.Add(("$upper", upper));
            }
        }

        if (!string.IsNullOrEmpty(startAfter))
        {
            sql.Append(" AND key > $after");
            parameters.Add(("$after", Utf8.GetBytes(startAfter)));
        }

        sql.Append(" ORDER BY key LIMIT $limit");
        using var command = Command(sql.ToString(), [.. parameters]);
        using var reader = command.ExecuteReader();
        var entries = new List<CatalogEntry>();
        while (reader.Read())
        {
            entries.Add(ReadEntry(bucket, reader));
        }

        return entries;
    }

    /// <summary>Records the intent to rename <paramref name="tempFile"/> over <paramref name="contentFile"/> for <paramref name="info"/>.</summary>
    public long BeginPut(ObjectInfo info, string contentFile, string tempFile) => InsertPending(info, contentFile, tempFile, null);

    /// <summary>Makes the put visible: upserts the object row and clears the intent, in one transaction.</summary>
    public void CommitPut(ObjectInfo info, string contentFile, long pendingId)
    {
        using var transaction = _connection.BeginTransaction();
        Execute(
            $"""
            INSERT INTO objects (bucket, {ObjectColumns})
            VALUES ($bucket, $key, $size, $etag, $modified, $type, $encoding, $metadata, $file)
            ON CONFLICT (bucket, key) DO UPDATE SET
                size = excluded.size, etag = excluded.etag, modified_ms = excluded.modified_ms,
                content_type = excluded.content_type, content_encoding = excluded.content_encoding,
                metadata = excluded.metadata, content_file = excluded.content_file
            """,
            transaction,
            ObjectParameters(info, contentFile));
        ClearPending(pendingId, transaction);
        transaction.Commit();
    }

    /// <summary>Removes the object row and records the intent to remove its content file, in one transaction.</summary>
    public long BeginDelete(CatalogEntry entry)
    {
        using var transaction = _connection.BeginTransaction();
        Execute(
            "DELETE FROM objects WHERE bucket = $bucket AND key = $key",
            transaction,
            ("$bucket", entry.Info.Bucket),
            ("$key", Utf8.GetBytes(entry.Info.Key)));
        var id = InsertPending(entry.Info, entry.ContentFile, null, transaction);
        transaction.Commit();
        return id;
    }

    public void ClearPending(long pendingId, SqliteTransaction? transaction = null) =>
        Execute("DELETE FROM pending WHERE id = $id", transaction, ("$id", pendingId));

    public List<PendingChange> ListPending()
    {
        using var command = Command($"SELECT bucket, {ObjectColumns}, temp_file, id FROM pending ORDER BY id");
        using var reader = command.ExecuteReader();
        var changes = new List<PendingChange>();
        while (reader.Read())
        {
            var entry = ReadEntry(reader.GetString(0), reader, offset: 1);
            changes.Add(new PendingChange(reader.GetInt64(10), entry.Info, entry.ContentFile, reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return changes;
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>The smallest byte string above every string starting with <paramref name="prefix"/>; null when there is none.</summary>
    internal static byte[]? PrefixUpperBound(byte[] prefix)
    {
        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] != 0xFF)
            {
                var upper = prefix[..(i + 1)];
                upper[i]++;
                return upper;
            }
        }

        return null;
    }

    private static (string, object?)[] ObjectParameters(ObjectInfo info, string contentFile) =>
    [
        ("$bucket", info.Bucket),
        ("$key", Utf8.GetBytes(info.Key)),
        ("$size", info.Size),
        ("$etag", info.ETag),
        ("$modified", info.LastModified.ToUnixTimeMilliseconds()),
        ("$type", info.ContentType),
        ("$encoding", info.ContentEncoding),
        ("$metadata", JsonSerializer.Serialize(new Dictionary<string, string>(info.UserMetadata, StringComparer.Ordinal), StorageJsonContext.Default.DictionaryStringString)),
        ("$file", contentFile),
    ];

    private static CatalogEntry ReadEntry(string bucket, SqliteDataReader reader, int offset = 0)
    {
        var metadata = JsonSerializer.Deserialize(reader.GetString(offset + 6), StorageJsonContext.Default.DictionaryStringString)
            ?? new Dictionary<string, string>();
        var info = new ObjectInfo(
            bucket,
            Utf8.GetString(reader.GetFieldValue<byte[]>(offset)),
            reader.GetInt64(offset + 1),
            reader.GetString(offset + 2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(offset + 3)),
            reader.GetString(offset + 4),
            reader.IsDBNull(offset + 5) ? null : reader.GetString(offset + 5),
            new Dictionary<string, string>(metadata, StringComparer.Ordinal));
        return new CatalogEntry(info, reader.GetString(offset + 7));
    }

    /// <summary>A write-ahead intent (<see cref="PendingChange"/>): a put when <paramref name="tempFile"/> is set, a delete when null.</summary>
    private long InsertPending(ObjectInfo info, string contentFile, string? tempFile, SqliteTransaction? transaction)
    {
        using var command = Command(
            """
            INSERT INTO pending (bucket, key, size, etag, modified_ms, content_type, content_encoding, metadata, content_file, temp_file)
            VALUES ($bucket, $key, $size, $etag, $modified, $type, $encoding, $metadata, $file, $temp)
            RETURNING id
            """,
            [.. ObjectParameters(info, contentFile), ("$temp", tempFile)]);
        command.Transaction = transaction;
        return (long)command.ExecuteScalar()!;
    }

    private int Execute(string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.Transaction = transaction;
        return command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}

/// <summary>An object as the catalog records it: its metadata and its content file, relative to the objects root.</summary>
internal sealed record CatalogEntry(ObjectInfo Info, string ContentFile);

/// <summary>
/// A write-ahead intent: recorded before a content file is renamed into place or removed, cleared in the same
/// transaction that updates the object's row, and replayed on start-up after a crash in between.
/// </summary>
/// <param name="Id">Row id in the pending table.</param>
/// <param name="Object">The object being put; for a delete only bucket and key matter.</param>
/// <param name="ContentFile">The content file, relative to the objects root.</param>
/// <param name="TempFile">For a put, the fully written and flushed temp file to rename; null for a delete.</param>
internal sealed record PendingChange(long Id, ObjectInfo Object, string ContentFile, string? TempFile)
{
    public bool IsDelete => TempFile is null;
}

/// <summary>User metadata is kept in the catalog as a small JSON object.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
