using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda.Functions;
using Pipeline.LocalCloud.Processes;
using Pipeline.LocalCloud.Sns;
using Pipeline.LocalCloud.Sqs;

namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>
/// Runs the stored functions: one <see cref="FunctionPool"/> per function, made on first use, changed when the
/// function changes, closed when it is deleted. Serves in-process callers (<see cref="IFunctionInvoker"/>) and the
/// Lambda API alike. When LocalCloud stops, every function process is stopped with it.
/// </summary>
internal sealed partial class FunctionHost : IFunctionInvoker, IHostedService, IAsyncDisposable
{
    /// <summary>Category of the function processes' stdout and stderr lines, each prefixed with the function's name.</summary>
    public const string OutputCategory = "Pipeline.LocalCloud.Lambda.FunctionOutput";

    // Beside the function folders; no function name has a dot.
    private const string EventQueueFolder = "events.queue";

    // Lambda keeps the first kilobyte of the error in the dead-letter message's ErrorMessage attribute.
    private const int DeadLetterMessageChars = 1024;

    private readonly FunctionStore _store;
    private readonly LambdaOptions _options;
    private readonly LocalCloudOptions _cloud;
    private readonly TimeProvider _time;
    private readonly ISqsQueues? _queues;
    private readonly SnsService? _topics;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly IServer? _server;
    private readonly ILogger _logger;
    private readonly FunctionOutput _output;
    private readonly IReadOnlyDictionary<string, string> _hostEnvironment = ChildEnvironment.Current();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FunctionPool> _pools = new(StringComparer.Ordinal);
    private readonly EventInvoker _events;
    private Task? _shutdown;

    public FunctionHost(
        FunctionStore store,
        IOptions<LambdaOptions> options,
        LocalCloudOptions cloud,
        TimeProvider time,
        ILoggerFactory loggers,
        IEnumerable<IFunctionLogSink> logSinks,
        ISqsQueues? queues = null,
        SnsService? topics = null,
        IHostApplicationLifetime? lifetime = null,
        IServer? server = null)
    {
        _store = store;
        _options = options.Value;
        _cloud = cloud;
        _time = time;
        _queues = queues;
        _topics = topics;
        _lifetime = lifetime;
        _server = server;
        _logger = loggers.CreateLogger("Pipeline.LocalCloud.Lambda");
        _output = new FunctionOutput(cloud.DataDirectory, loggers.CreateLogger(OutputCategory), time, logSinks);
        _events = new EventInvoker(InvokeEventAsync, _options, time, _logger, Path.Combine(store.Root, EventQueueFolder), SendToDeadLetterAsync);
    }

    public FunctionStore Store => _store;

    /// <summary>Event invocations accepted and not yet finished.</summary>
    public int PendingEvents => _events.Pending;

    /// <inheritdoc/>
    public async Task<FunctionInvocationResult> InvokeAsync(string functionNameOrArn, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        var reference = FunctionReference.Parse(functionNameOrArn);
        var definition = Resolve(reference);
        if (payload.Length > LambdaLimits.SyncRequestBytes)
        {
            throw LambdaErrors.RequestTooLarge(LambdaLimits.SyncRequestBytes, "InvokeFunction");
        }

        return await InvokeAsync(definition, Guid.NewGuid().ToString(), payload, TraceHeaders.For(null, _time), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored function <paramref name="reference"/> names; <c>ResourceNotFoundException</c> otherwise.</summary>
    /// <param name="reference">The name or ARN.</param>
    /// <param name="qualifier">The <c>Qualifier</c> query parameter, if any. Only <c>$LATEST</c> exists locally.</param>
    public FunctionDefinition Resolve(FunctionReference reference, string? qualifier = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var arn = _store.ArnOf(reference.Name);
        if ((reference.Region is not null && reference.Region != _store.Region)
            || (reference.AccountId is not null && reference.AccountId != _store.AccountId))
        {
            throw LambdaErrors.FunctionNotFound(FunctionReference.Arn(reference.Region ?? _store.Region, reference.AccountId ?? _store.AccountId, reference.Name));
        }

        if (reference.Qualifier is not null && qualifier is not null && reference.Qualifier != qualifier)
        {
            throw LambdaErrors.InvalidParameter("The derived qualifier from the function name does not match the specified qualifier.");
        }

        var version = reference.Qualifier ?? qualifier;
        if (version is not null && version != "$LATEST")
        {
            throw LambdaErrors.FunctionNotFound($"{arn}:{version}");
        }

        return _store.Find(reference.Name) ?? throw LambdaErrors.FunctionNotFound(arn);
    }

    /// <summary>A synchronous invocation of a resolved function.</summary>
    public Task<FunctionInvocationResult> InvokeAsync(FunctionDefinition definition, string requestId, ReadOnlyMemory<byte> payload, string traceId, CancellationToken cancellationToken)
    {
        var invocation = new PendingInvocation(requestId, payload, _store.ArnOf(definition.FunctionName), traceId);
        return PoolFor(definition).InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>Queues an asynchronous (<c>Event</c>) invocation; it runs in the background and is retried on error.</summary>
    public void Enqueue(EventInvocation invocation) => _events.Enqueue(invocation);

    /// <summary>The function was changed or deleted: its processes follow (restarted with the new configuration, or stopped).</summary>
    public async Task FunctionChangedAsync(string name)
    {
        FunctionPool? pool;
        var definition = _store.Find(name);
        lock (_gate)
        {
            if (!_pools.TryGetValue(name, out pool))
            {
                return;
            }

            if (definition is null)
            {
                _pools.Remove(name);
            }
        }

        if (definition is null)
        {
            await pool.CloseAsync(() => LambdaErrors.FunctionNotFound(_store.ArnOf(name))).ConfigureAwait(false);
        }
        else
        {
            pool.Update(definition);
        }
    }

    /// <summary>The pool of a function, if it has run; for diagnostics and tests.</summary>
    public FunctionPool? PoolOf(string name)
    {
        lock (_gate)
        {
            return _pools.GetValueOrDefault(name);
        }
    }

    /// <summary>Events accepted before the last stop run again once LocalCloud listens, as functions may call it back.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_lifetime is { } lifetime)
        {
            lifetime.ApplicationStarted.Register(_events.Resume);
        }
        else
        {
            _events.Resume();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => ShutdownAsync();

    public async ValueTask DisposeAsync() => await ShutdownAsync().ConfigureAwait(false);

    private Task ShutdownAsync()
    {
        lock (_gate)
        {
            return _shutdown ??= StopEverythingAsync();
        }
    }

    private async Task StopEverythingAsync()
    {
        // Off the lock's thread: the pools are collected once the lock is released.
        await Task.Yield();
        await _events.DisposeAsync().ConfigureAwait(false);
        FunctionPool[] pools;
        lock (_gate)
        {
            pools = [.. _pools.Values];
            _pools.Clear();
        }

        await Task.WhenAll(pools.Select(p => p.CloseAsync(LambdaErrors.ShuttingDown))).ConfigureAwait(false);
        _output.Dispose();
        if (pools.Length > 0)
        {
            LogStopped(_logger, pools.Length);
        }
    }

    private FunctionPool PoolFor(FunctionDefinition definition)
    {
        FunctionPool? pool;
        lock (_gate)
        {
            if (_shutdown is not null)
            {
                throw LambdaErrors.ShuttingDown();
            }

            if (!_pools.TryGetValue(definition.FunctionName, out pool))
            {
                pool = new FunctionPool(definition, _store, _options, _time, EndpointUrl, _hostEnvironment, _logger, _output);
                _pools[definition.FunctionName] = pool;
                return pool;
            }
        }

        // A change that reached the store before this invocation reaches the processes now, at the latest.
        if (pool.Definition.RevisionId != definition.RevisionId && _store.Find(definition.FunctionName)?.RevisionId == definition.RevisionId)
        {
            pool.Update(definition);
        }

        return pool;
    }

    private async Task<FunctionInvocationResult> InvokeEventAsync(EventInvocation invocation, CancellationToken cancellationToken)
    {
        var definition = _store.Find(invocation.FunctionName) ?? throw LambdaErrors.FunctionNotFound(_store.ArnOf(invocation.FunctionName));
        return await InvokeAsync(definition, invocation.RequestId, invocation.Payload, invocation.TraceId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lambda's dead-letter message: the event as its body, and <c>RequestID</c>, <c>ErrorCode</c> and
    /// <c>ErrorMessage</c> (its first kilobyte) as message attributes.
    /// </summary>
    private async Task SendToDeadLetterAsync(FailedEvent failed, CancellationToken cancellationToken)
    {
        var target = _store.Find(failed.Invocation.FunctionName)?.DeadLetterTargetArn;
        if (target is null)
        {
            return;
        }

        var body = System.Text.Encoding.UTF8.GetString(failed.Invocation.Payload.Span);
        var message = failed.ErrorMessage.Length > DeadLetterMessageChars ? failed.ErrorMessage[..DeadLetterMessageChars] : failed.ErrorMessage;
        var code = failed.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (target.StartsWith("arn:aws:sqs:", StringComparison.Ordinal))
        {
            var queues = _queues ?? throw new AwsServiceException("ServiceUnavailableException", "LocalCloud runs without SQS.");
            var attributes = new Dictionary<string, SqsMessageAttribute>(StringComparer.Ordinal)
            {
                ["RequestID"] = new("String", failed.Invocation.RequestId, null),
                ["ErrorCode"] = new("Number", code, null),
                ["ErrorMessage"] = new("String", message, null),
            };
            await queues.SendAsync(target, body, attributes, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var topics = _topics ?? throw new AwsServiceException("ServiceUnavailableException", "LocalCloud runs without SNS.");
            topics.Publish(target, body, null, new Dictionary<string, SnsMessageAttribute>(StringComparer.Ordinal)
            {
                ["RequestID"] = new("String", failed.Invocation.RequestId),
                ["ErrorCode"] = new("Number", code),
                ["ErrorMessage"] = new("String", message),
            });
        }

        LogDeadLettered(_logger, failed.Invocation.FunctionName, failed.Invocation.RequestId, target);
    }

    // Functions call LocalCloud back on its real port, which is only known once Kestrel listens when the port is 0.
    private string EndpointUrl() => ChildEnvironment.EndpointUrl(_cloud, _server);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lambda {FunctionName}: event {RequestId} sent to its dead-letter target {Target}")]
    private static partial void LogDeadLettered(ILogger logger, string functionName, string requestId, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lambda: stopped the processes of {Count} function(s)")]
    private static partial void LogStopped(ILogger logger, int count);
}
