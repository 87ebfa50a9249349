using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Storage;

/// <summary>
/// The object store on the local disk: metadata in SQLite (<c>&lt;root&gt;/catalog.db</c>), bytes in files under
/// <c>&lt;root&gt;/objects</c> laid out like the keys (see <see cref="GetContentPath"/>), uploads staged in
/// <c>&lt;root&gt;/tmp</c> on the same file system.
/// </summary>
/// <remarks>
/// A put streams to a temp file, flushes it to disk, records a write-ahead intent, renames the file into place
/// (<see cref="DurableFile.MoveIntoPlace"/>, so the name is durable before the metadata says so) and then commits
/// the metadata and clears the intent in one transaction; start-up replays intents a crash left behind, so a put is
/// all there or not at all and no half-written file ever sits under <c>objects</c>. Renames, metadata
/// commits and the pairing of metadata with an opened file happen under one short lock; streaming does not.
/// </remarks>
public sealed partial class FileObjectStore : IObjectStore, IDisposable
{
    /// <summary>The folder of the data directory that holds S3's state.</summary>
    public const string FolderName = "s3";

    private const int MaxKeyBytes = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Lock _gate = new();
    private readonly ObjectCatalog _catalog;
    private readonly ObjectPathMapper _paths;
    private readonly string _tempDirectory;
    private readonly FileStream _ownerLock;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private bool _disposed;

    /// <summary>Opens (or creates) the store under <c>&lt;DataDirectory&gt;/s3</c>.</summary>
    public FileObjectStore(LocalCloudOptions options, TimeProvider time, ILogger<FileObjectStore> logger)
        : this(Path.Combine(options.DataDirectory, FolderName), time, logger)
    {
    }

    /// <summary>Opens (or creates) the store in <paramref name="rootDirectory"/>, replaying any change a crash interrupted.</summary>
    public FileObjectStore(string rootDirectory, TimeProvider time, ILogger? logger = null)
    {
        RootDirectory = Path.GetFullPath(rootDirectory);
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        Directory.CreateDirectory(RootDirectory);
        // Two processes on one data directory would each trust their own lock; the second one fails here instead.
        _ownerLock = OpenOwnerLock(Path.Combine(RootDirectory, ".lock"));
        try
        {
            var objectsRoot = Path.Combine(RootDirectory, "objects");
            Directory.CreateDirectory(objectsRoot);
            _paths = new ObjectPathMapper(objectsRoot, ObjectPathMapper.ProbeCaseSensitivity(RootDirectory));
            _tempDirectory = Path.Combine(RootDirectory, "tmp");
            Directory.CreateDirectory(_tempDirectory);
            _catalog = new ObjectCatalog(Path.Combine(RootDirectory, "catalog.db"));
            Recover();
        }
        catch
        {
            _catalog?.Dispose();
            _ownerLock.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public event Func<ObjectCreated, CancellationToken, Task>? ObjectCreated;

    /// <inheritdoc/>
    public event Func<ObjectRemoved, CancellationToken, Task>? ObjectRemoved;

    /// <summary>The store's folder: <c>catalog.db</c>, <c>objects/</c>, <c>tmp/</c>.</summary>
    public string RootDirectory { get; }

    /// <summary>The root under which every content file lives: <c>&lt;RootDirectory&gt;/objects</c>.</summary>
    public string ObjectsDirectory => _paths.Root;

    public Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken = default) =>
        Task.FromResult(Locked(() => _catalog.BucketExists(bucket)));

    public Task<bool> CreateBucketAsync(string bucket, CancellationToken cancellationToken = default)
    {
        ValidateBucket(bucket);
        return Task.FromResult(Locked(() =>
        {
            Directory.CreateDirectory(_paths.BucketDirectory(bucket));
            return _catalog.InsertBucket(bucket, _time.GetUtcNow());
        }));
    }

    public Task<IReadOnlyList<BucketInfo>> ListBucketsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Locked<IReadOnlyList<BucketInfo>>(_catalog.ListBuckets));

    public Task<BucketDeletion> DeleteBucketAsync(string bucket, CancellationToken cancellationToken = default) => Task.FromResult(Locked(() =>
    {
        if (!_catalog.BucketExists(bucket))
        {
            return BucketDeletion.NotFound;
        }

        if (_catalog.BucketHasObjects(bucket))
        {
            return BucketDeletion.NotEmpty;
        }

        _catalog.DeleteBucket(bucket);
        var directory = _paths.BucketDirectory(bucket);
        if (Directory.Exists(directory))
        {
            // Only empty key directories can remain; a recreated bucket must not inherit stray files either.
            Directory.Delete(directory, recursive: true);
        }

        return BucketDeletion.Deleted;
    }));

    /// <inheritdoc/>
    /// <exception cref="AwsServiceException"><c>NoSuchBucket</c> when the bucket does not exist.</exception>
    /// <exception cref="ArgumentException">The key is empty, longer than 1,024 UTF-8 bytes or not valid Unicode.</exception>
    public async Task<ObjectInfo> PutObjectAsync(string bucket, string key, Stream content, ObjectWriteOptions options, CancellationToken cancellationToken = default)
    {
        ValidateKey(key);
        await S3.S3Errors.RequireBucketAsync(this, bucket, cancellationToken).ConfigureAwait(false);
        var contentFile = _paths.RelativeContentPath(bucket, key);
        var finalPath = _paths.Resolve(contentFile);
        var tempPath = Path.Combine(_tempDirectory, Guid.NewGuid().ToString("N"));
        long size;
        string etag;
        try
        {
            // Durable before it becomes visible: the rename must never expose bytes still in the page cache only.
            var (written, md5Hex) = await DurableFile.WriteNewAsync(tempPath, content, cancellationToken).ConfigureAwait(false);
            (size, etag) = (written, "\"" + md5Hex + "\"");
        }
        catch
        {
            TryDeleteFile(tempPath);
            throw;
        }

        var info = new ObjectInfo(
            bucket,
            key,
            size,
            options.ETag ?? etag,
            _time.GetUtcNow(),
            options.ContentType,
            options.ContentEncoding,
            new Dictionary<string, string>(options.UserMetadata ?? new Dictionary<string, string>(), StringComparer.Ordinal));

        lock (_gate)
        {
            try
            {
                ThrowIfDisposed();
                if (!_catalog.BucketExists(bucket))
                {
                    throw S3.S3Errors.NoSuchBucket(bucket);
                }

                var previous = _catalog.GetObject(bucket, key);
                var pendingId = _catalog.BeginPut(info, contentFile, tempPath);
                try
                {
                    DurableFile.CreateDirectory(Path.GetDirectoryName(finalPath)!);
                    DurableFile.MoveIntoPlace(tempPath, finalPath);
                }
                catch
                {
                    _catalog.ClearPending(pendingId);
                    throw;
                }

                // From here the intent is rolled forward on restart should the commit not happen.
                _catalog.CommitPut(info, contentFile, pendingId);
                if (previous is not null && previous.ContentFile != contentFile)
                {
                    RemoveContentFile(previous.ContentFile);
                }
            }
            finally
            {
                TryDeleteFile(tempPath);
            }
        }

        await RaiseAsync(ObjectCreated, new ObjectCreated(info, options.EventName, options.RequestId), bucket, key).ConfigureAwait(false);
        return info;
    }

    public Task<ObjectInfo?> GetObjectInfoAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        if (!IsValidKey(key))
        {
            return Task.FromResult<ObjectInfo?>(null);
        }

        return Task.FromResult(Locked(() => _catalog.GetObject(bucket, key)?.Info));
    }

    public async Task<Stream?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        (await OpenObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false))?.Content;

    public Task<StoredObject?> OpenObjectAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        if (!IsValidKey(key))
        {
            return Task.FromResult<StoredObject?>(null);
        }

        return Task.FromResult(Locked<StoredObject?>(() =>
        {
            if (_catalog.GetObject(bucket, key) is not { } entry)
            {
                return null;
            }

            try
            {
                // Opened under the lock, so the handle holds the bytes the metadata describes even if a put renames a
                // new file over the path a moment later.
                var stream = new FileStream(
                    _paths.Resolve(entry.ContentFile),
                    new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite | FileShare.Delete, BufferSize = 0, Options = FileOptions.Asynchronous });
                return new StoredObject(entry.Info, stream);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                LogMissingContent(bucket, key, entry.ContentFile);
                return null;
            }
        }));
    }

    /// <inheritdoc/>
    /// <exception cref="AwsServiceException"><c>NoSuchBucket</c> when the bucket does not exist.</exception>
    public Task<IReadOnlyList<ObjectInfo>> ListObjectsAsync(string bucket, string prefix, string? startAfter, int maxKeys, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxKeys);
        return Task.FromResult(Locked<IReadOnlyList<ObjectInfo>>(() =>
            !_catalog.BucketExists(bucket) ? throw S3.S3Errors.NoSuchBucket(bucket)
            : maxKeys == 0 ? []
            : _catalog.ListObjects(bucket, prefix, startAfter, maxKeys).ConvertAll(e => e.Info)));
    }

    /// <inheritdoc/>
    /// <exception cref="AwsServiceException"><c>NoSuchBucket</c> when the bucket does not exist.</exception>
    public async Task<bool> DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_catalog.BucketExists(bucket))
            {
                throw S3.S3Errors.NoSuchBucket(bucket);
            }

            if (!IsValidKey(key) || _catalog.GetObject(bucket, key) is not { } entry)
            {
                return false;
            }

            var pendingId = _catalog.BeginDelete(entry);
            RemoveContentFile(entry.ContentFile);
            _catalog.ClearPending(pendingId);
        }

        await RaiseAsync(ObjectRemoved, new ObjectRemoved(bucket, key, "ObjectRemoved:Delete", null), bucket, key).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Segments made of letters, digits and <c>- _ . = + , ~ ! ( )</c> or space appear as they are; other bytes are
    /// percent-encoded and odd segments (empty, leading dot, over 200 bytes) or overlong keys get reserved <c>%%…</c>
    /// names (see <see cref="ObjectPathMapper"/>), so a glob written for ordinary keys may not reach those;
    /// <see cref="GetPrefixDirectory"/> gives the directory of a prefix without guessing. The file is replaced by rename
    /// on overwrite and removed on delete; an open handle keeps reading the old bytes.
    /// </remarks>
    public string? GetContentPath(string bucket, string key)
    {
        if (!IsValidKey(key))
        {
            return null;
        }

        return Locked(() => _catalog.GetObject(bucket, key) is { } entry ? _paths.Resolve(entry.ContentFile) : null);
    }

    /// <summary>
    /// The directory under which every object whose key starts with <paramref name="prefix"/> has its content file,
    /// for globbing (<c>&lt;dir&gt;/**/@*.parquet</c>); null unless the prefix is empty or ends with <c>/</c>. The
    /// directory may not exist when no object has the prefix.
    /// </summary>
    public string? GetPrefixDirectory(string bucket, string prefix) => _paths.PrefixDirectory(bucket, prefix);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _catalog.Dispose();
            _ownerLock.Dispose();
        }
    }

    /// <summary>Whether <paramref name="key"/> is one S3 would accept: 1 to 1,024 UTF-8 bytes of valid Unicode.</summary>
    public static bool IsValidKey(string key)
    {
        if (key.Length == 0 || key.Length > MaxKeyBytes)
        {
            return false;
        }

        try
        {
            return StrictUtf8.GetByteCount(key) <= MaxKeyBytes;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    private static void ValidateKey(string key)
    {
        if (!IsValidKey(key))
        {
            throw new ArgumentException("An object key is 1 to 1,024 bytes of valid UTF-8.", nameof(key));
        }
    }

    private static void ValidateBucket(string bucket)
    {
        // The S3 endpoint applies S3's naming rules; in-process callers only have to stay path-safe, which encoding ensures.
        if (bucket.Length is 0 or > 255 || bucket.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("A bucket name is 1 to 255 characters without '/'.", nameof(bucket));
        }
    }

    private static FileStream OpenOwnerLock(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"Another LocalCloud process is using the object store in {Path.GetDirectoryName(path)}.", e);
        }
    }

    /// <summary>Runs a store event's handlers one by one; a failing handler is logged and does not undo the change.</summary>
    private async Task RaiseAsync<T>(Func<T, CancellationToken, Task>? handlers, T change, string bucket, string key)
    {
        foreach (var handler in handlers?.GetInvocationList().Cast<Func<T, CancellationToken, Task>>() ?? [])
        {
            try
            {
                // The change is committed whatever the caller does next, so its notification is not cancelled with it.
                await handler(change, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                LogHandlerFailed(e, bucket, key);
            }
        }
    }

    /// <summary>Finishes what a crash interrupted: renames flushed temp files into place, removes deleted files.</summary>
    private void Recover()
    {
        foreach (var change in _catalog.ListPending())
        {
            if (change.IsDelete)
            {
                RemoveContentFile(change.ContentFile);
                _catalog.ClearPending(change.Id);
                continue;
            }

            var finalPath = _paths.Resolve(change.ContentFile);
            if (File.Exists(change.TempFile))
            {
                DurableFile.CreateDirectory(Path.GetDirectoryName(finalPath)!);
                DurableFile.MoveIntoPlace(change.TempFile, finalPath);
            }

            if (File.Exists(finalPath))
            {
                _catalog.CommitPut(change.Object, change.ContentFile, change.Id);
                LogRecovered(change.Object.Bucket, change.Object.Key);
            }
            else
            {
                _catalog.ClearPending(change.Id);
            }
        }

        // Anything left in tmp was never acknowledged.
        foreach (var stale in Directory.EnumerateFiles(_tempDirectory))
        {
            TryDeleteFile(stale);
        }
    }

    /// <summary>Removes a content file and the key directories it leaves empty, up to (not including) the bucket's.</summary>
    private void RemoveContentFile(string contentFile)
    {
        var path = _paths.Resolve(contentFile);
        TryDeleteFile(path);
        var bucketDirectory = _paths.Resolve(contentFile[..contentFile.IndexOf('/', StringComparison.Ordinal)]);
        for (var directory = Path.GetDirectoryName(path); directory is not null && directory.Length > bucketDirectory.Length; directory = Path.GetDirectoryName(directory))
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    break;
                }

                Directory.Delete(directory);
            }
            catch (IOException)
            {
                break;
            }
        }
    }

    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file is removed on the next start.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Runs a catalog read or change under the store's lock, once the store is known not to be disposed.</summary>
    private T Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return action();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Object {Bucket}/{Key} is in the catalog but its content file {ContentFile} is gone; answering as if it did not exist")]
    private partial void LogMissingContent(string bucket, string key, string contentFile);

    [LoggerMessage(Level = LogLevel.Error, Message = "An object event handler (ObjectCreated/ObjectRemoved) failed for {Bucket}/{Key}")]
    private partial void LogHandlerFailed(Exception exception, string bucket, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Completed the interrupted put of {Bucket}/{Key}")]
    private partial void LogRecovered(string bucket, string key);
}
