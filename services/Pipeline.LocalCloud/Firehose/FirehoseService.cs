using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.AwsShapes.Firehose;
using Pipeline.LocalCloud.Firehose.Api;
using Pipeline.LocalCloud.Firehose.Configuration;
using Pipeline.LocalCloud.Firehose.Delivery;
using Pipeline.LocalCloud.Firehose.Journal;
using Pipeline.LocalCloud.Firehose.Transformation;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Firehose;

/// <summary>
/// LocalCloud's Firehose: the delivery streams under <c>&lt;data dir&gt;/firehose/&lt;stream&gt;/</c> (config.json,
/// checkpoint.json, log/, pending/), reloaded at start, and the operations the API and the flush hook call.
/// </summary>
internal sealed partial class FirehoseService : IFirehoseDeliveryControl, IHostedService, IAsyncDisposable
{
    public const string Folder = "firehose";

    private readonly ConcurrentDictionary<string, DeliveryStream> _streams = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _admin = new(1, 1);
    private readonly object _loadGate = new();
    private readonly LocalCloudOptions _cloud;
    private readonly Func<IObjectStore> _objectStore;
    private readonly LambdaTransformer _transformer;
    private readonly TimeProvider _time;
    private readonly FirehoseEngineOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private bool _loaded;
    private bool _running;

    /// <param name="cloud">Data directory, region and account.</param>
    /// <param name="objectStore">
    /// Resolved when first needed: S3 and Lambda register their implementations on their own, and Firehose's API
    /// must answer in a LocalCloud built without them.
    /// </param>
    /// <param name="functionInvoker">Resolved when a transformation first runs.</param>
    /// <param name="time">Arrival times and buffering intervals.</param>
    /// <param name="options">Engine knobs.</param>
    /// <param name="loggers">Loggers.</param>
    public FirehoseService(
        LocalCloudOptions cloud,
        Func<IObjectStore> objectStore,
        Func<IFunctionInvoker> functionInvoker,
        TimeProvider time,
        FirehoseEngineOptions options,
        ILoggerFactory loggers)
    {
        _cloud = cloud;
        _objectStore = objectStore;
        _time = time;
        _options = options;
        _loggers = loggers;
        _logger = loggers.CreateLogger<FirehoseService>();
        _transformer = new LambdaTransformer(functionInvoker, time, options, loggers.CreateLogger<LambdaTransformer>());
        Root = Path.Combine(cloud.DataDirectory, Folder);
    }

    /// <summary><c>&lt;data dir&gt;/firehose</c>.</summary>
    public string Root { get; }

    public string AccountId => _cloud.AccountId;

    /// <summary>Loads the streams on disk and starts their delivery loops (and those of streams created later).</summary>
    public void Start()
    {
        EnsureLoaded();
        _running = true;
        foreach (var stream in _streams.Values)
        {
            stream.Start();
        }
    }

    /// <summary>Stops every delivery loop; what is buffered stays in the journals for the next start.</summary>
    public async Task StopAsync()
    {
        _running = false;
        await Task.WhenAll(_streams.Values.Select(s => s.StopAsync())).ConfigureAwait(false);
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken)
    {
        Start();
        return Task.CompletedTask;
    }

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => StopAsync();

    public async ValueTask DisposeAsync()
    {
        _running = false;
        foreach (var stream in _streams.Values)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        _streams.Clear();
    }

    public async Task<string> CreateAsync(CreateDeliveryStreamInput input, CancellationToken cancellationToken)
    {
        EnsureLoaded();
        DeliveryStreamSettingsFactory.ValidateRequest(input);
        var (kind, destination) = DeliveryStreamSettingsFactory.SelectDestination(input);
        var name = input.DeliveryStreamName!;
        if (name is "." or "..")
        {
            throw FirehoseErrors.InvalidArgument($"LocalCloud keeps each stream in a folder named after it and cannot name one '{name}'.");
        }

        var stored = new StoredDeliveryStream(
            name,
            $"arn:aws:firehose:{_cloud.Region}:{_cloud.AccountId}:deliverystream/{name}",
            _time.GetUtcNow().ToUnixTimeMilliseconds(),
            "1",
            DeliveryStreamSettingsFactory.DirectPut,
            kind,
            destination);
        var settings = DeliveryStreamSettingsFactory.Create(stored);

        await _admin.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_streams.ContainsKey(name))
            {
                throw FirehoseErrors.StreamInUse(name, AccountId);
            }

            if (!await _objectStore().BucketExistsAsync(settings.Bucket, cancellationToken).ConfigureAwait(false))
            {
                throw FirehoseErrors.InvalidArgument($"The bucket {settings.Bucket} of BucketARN {destination.BucketARN} does not exist; create it before the delivery stream.");
            }

            var directory = Path.Combine(Root, name);
            if (File.Exists(Path.Combine(directory, DeliveryStream.ConfigFile)))
            {
                // A stream of this name is on disk but could not be loaded: its records are not LocalCloud's to discard.
                throw new AwsServiceException("ResourceInUseException", $"Firehose {name} exists in {directory} but could not be loaded; see LocalCloud's log.");
            }

            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            DurableFile.CreateDirectory(directory);
            ConfigOf(directory).Save(stored);
            var stream = Open(stored, settings, directory);
            _streams[name] = stream;
            if (_running)
            {
                stream.Start();
            }

            LogCreated(name, settings.Bucket, settings.Prefixes.Prefix.Text, settings.Prefixes.ErrorOutputPrefix.Text);
            return stored.Arn;
        }
        finally
        {
            _admin.Release();
        }
    }

    public DeliveryStream Get(string name)
    {
        EnsureLoaded();
        return _streams.TryGetValue(name, out var stream) ? stream : throw FirehoseErrors.StreamNotFound(name, AccountId);
    }

    /// <summary>Names in order, after <paramref name="exclusiveStart"/>, and whether more follow.</summary>
    public (IReadOnlyList<string> Names, bool HasMore) List(int limit, string? exclusiveStart)
    {
        EnsureLoaded();
        var names = _streams.Keys
            .Where(n => exclusiveStart is null || string.CompareOrdinal(n, exclusiveStart) > 0)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return (names.Take(limit).ToArray(), names.Length > limit);
    }

    /// <summary>
    /// Deletes a stream after delivering what it accepted, so nothing acknowledged is lost. If delivery fails the
    /// stream stays (ResourceInUseException) unless <paramref name="allowForceDelete"/> discards the records.
    /// </summary>
    public async Task DeleteAsync(string name, bool allowForceDelete, CancellationToken cancellationToken)
    {
        await _admin.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stream = Get(name);
            await stream.SetStatusAsync(DeliveryStreamStatus.Deleting).ConfigureAwait(false);
            try
            {
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException && allowForceDelete)
            {
                LogForcedDelete(e, name, stream.BufferedRecords);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await stream.SetStatusAsync(DeliveryStreamStatus.Active).ConfigureAwait(false);
                throw new AwsServiceException(
                    "ResourceInUseException",
                    $"Firehose {name} could not deliver the {stream.BufferedRecords} records it accepted ({e.Message}); retry, or delete with AllowForceDelete to discard them.");
            }

            await stream.DisposeAsync().ConfigureAwait(false);
            _streams.TryRemove(name, out _);

            // config.json first: a folder without it is a deleted stream's remains, cleared at the next start.
            File.Delete(Path.Combine(stream.Directory, DeliveryStream.ConfigFile));
            Directory.Delete(stream.Directory, recursive: true);
            LogDeleted(name);
        }
        finally
        {
            _admin.Release();
        }
    }

    public Task<IReadOnlyList<string>> PutAsync(string name, IReadOnlyList<byte[]> records, CancellationToken cancellationToken) =>
        Get(name).AppendAsync(records, cancellationToken);

    /// <inheritdoc />
    public async Task<FlushResult> FlushAsync(string? deliveryStreamName = null, CancellationToken cancellationToken = default)
    {
        EnsureLoaded();
        var streams = deliveryStreamName is null ? _streams.Values.ToArray() : [Get(deliveryStreamName)];
        var total = DeliveryCounts.None;
        foreach (var stream in streams)
        {
            total = total.Add(await stream.FlushAsync(cancellationToken).ConfigureAwait(false));
        }

        return new FlushResult(total.Records, total.Delivered, total.Dropped, total.Failed, total.Objects);
    }

    /// <summary>One pass of a stream's delivery loop, for tests that drive time themselves.</summary>
    internal Task<DeliveryCounts> DeliverDueAsync(string name, CancellationToken cancellationToken = default) =>
        Get(name).DeliverDueAsync(cancellationToken);

    private void EnsureLoaded()
    {
        lock (_loadGate)
        {
            if (_loaded)
            {
                return;
            }

            Directory.CreateDirectory(Root);
            foreach (var directory in Directory.EnumerateDirectories(Root).Order(StringComparer.Ordinal))
            {
                var config = ConfigOf(directory);
                if (!File.Exists(config.Path))
                {
                    // Never acknowledged: a create that did not finish, or a delete that did not.
                    Directory.Delete(directory, recursive: true);
                    continue;
                }

                try
                {
                    var stored = config.Load() ?? throw new InvalidDataException($"{config.Path} is empty.");
                    _streams[stored.Name] = Open(stored, DeliveryStreamSettingsFactory.Create(stored), directory);
                }
                catch (Exception e) when (e is JsonException or InvalidDataException or IOException or UnauthorizedAccessException or AwsServiceException)
                {
                    LogLoadFailed(e, directory);
                }
            }

            _loaded = true;
        }
    }

    private DeliveryStream Open(StoredDeliveryStream stored, DeliveryStreamSettings settings, string directory) =>
        new(stored, settings, directory, _objectStore, _transformer, _time, _options, _loggers.CreateLogger<DeliveryStream>());

    [LoggerMessage(Level = LogLevel.Information, Message = "Created delivery stream {Stream} to bucket {Bucket}, prefix {Prefix}, error prefix {ErrorPrefix}")]
    private partial void LogCreated(string stream, string bucket, string prefix, string errorPrefix);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted delivery stream {Stream}")]
    private partial void LogDeleted(string stream);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Force-deleting {Stream}: {Records} accepted records could not be delivered and are discarded")]
    private partial void LogForcedDelete(Exception exception, string stream, int records);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not load the delivery stream in {Directory}; it is left on disk and not served")]
    private partial void LogLoadFailed(Exception exception, string directory);

    private static StateDocument<StoredDeliveryStream> ConfigOf(string directory) =>
        new(Path.Combine(directory, DeliveryStream.ConfigFile), FirehoseStateJsonContext.Default.StoredDeliveryStream);
}
