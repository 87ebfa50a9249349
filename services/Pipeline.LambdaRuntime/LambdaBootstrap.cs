using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization.Metadata;

namespace Pipeline.LambdaRuntime;

/// <summary>
/// The entry point of a custom-runtime <c>bootstrap</c>: <c>return await LambdaBootstrap.RunAsync(handler, requestTypeInfo,
/// responseTypeInfo, options);</c>. Reads <c>AWS_LAMBDA_RUNTIME_API</c>, runs the invocation loop until SIGTERM or the
/// token stops it, and returns a <see cref="LambdaExitCode"/> as the process exit code.
/// </summary>
/// <remarks>
/// A handler's exception, a bad event, an oversized response or a timeout becomes an invocation error and the loop
/// goes on; only an initialisation failure, a missing configuration or a failed Runtime API end the process.
/// </remarks>
public static class LambdaBootstrap
{
    /// <summary>Runs a typed handler; events and responses are JSON through the given source-generated type infos.</summary>
    public static Task<int> RunAsync<TRequest, TResponse>(
        Func<TRequest, LambdaContext, CancellationToken, Task<TResponse>> handler,
        JsonTypeInfo<TRequest> requestTypeInfo,
        JsonTypeInfo<TResponse> responseTypeInfo,
        LambdaRuntimeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return RunAsync(_ => Task.FromResult(handler), requestTypeInfo, responseTypeInfo, options, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="initialize"/> once (Lambda's init phase), then the typed handler it returns. If it throws,
    /// the error goes to <c>/runtime/init/error</c> and the process exits with <see cref="LambdaExitCode.InitializationFailed"/>.
    /// </summary>
    public static Task<int> RunAsync<TRequest, TResponse>(
        Func<CancellationToken, Task<Func<TRequest, LambdaContext, CancellationToken, Task<TResponse>>>> initialize,
        JsonTypeInfo<TRequest> requestTypeInfo,
        JsonTypeInfo<TResponse> responseTypeInfo,
        LambdaRuntimeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        ArgumentNullException.ThrowIfNull(requestTypeInfo);
        ArgumentNullException.ThrowIfNull(responseTypeInfo);
        return RunAsync(
            async ct => TypedHandler.Wrap(await initialize(ct).ConfigureAwait(false), requestTypeInfo, responseTypeInfo),
            options,
            cancellationToken);
    }

    /// <summary>Runs a handler of raw bytes: the event as sent, the response as posted.</summary>
    public static Task<int> RunAsync(
        Func<ReadOnlyMemory<byte>, LambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>> handler,
        LambdaRuntimeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return RunAsync(_ => Task.FromResult(handler), options, cancellationToken);
    }

    /// <summary>Runs <paramref name="initialize"/> once, then the raw handler it returns; everything else lives on this overload.</summary>
    public static async Task<int> RunAsync(
        Func<CancellationToken, Task<Func<ReadOnlyMemory<byte>, LambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>>>> initialize,
        LambdaRuntimeOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        options ??= new LambdaRuntimeOptions();
        Validate(options);

        var runtimeApi = options.Environment.Get(LambdaEnvironmentVariables.RuntimeApi);
        LambdaRuntimeClient client;
        try
        {
            client = new LambdaRuntimeClient(runtimeApi ?? string.Empty, options.HttpHandler);
        }
        catch (ArgumentException)
        {
            Write(options, string.IsNullOrWhiteSpace(runtimeApi)
                ? $"{LambdaEnvironmentVariables.RuntimeApi} is not set: this program is a Lambda custom runtime and needs the Runtime API that Lambda (or LocalCloud) provides."
                : $"{LambdaEnvironmentVariables.RuntimeApi} is '{runtimeApi}', not a host:port.");
            return (int)LambdaExitCode.ConfigurationMissing;
        }

        using (client)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigterm = RegisterSigterm(stop);
            var function = FunctionSettings.Read(options);

            var handler = await InitializeAsync(initialize, client, options, function, stop.Token).ConfigureAwait(false);
            if (handler is null)
            {
                return (int)(stop.IsCancellationRequested ? LambdaExitCode.Stopped : LambdaExitCode.InitializationFailed);
            }

            var loop = new InvocationLoop(client, handler, options, function);
            return (int)await loop.RunAsync(stop.Token).ConfigureAwait(false);
        }
    }

    private static async Task<Func<ReadOnlyMemory<byte>, LambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>>?> InitializeAsync(
        Func<CancellationToken, Task<Func<ReadOnlyMemory<byte>, LambdaContext, CancellationToken, Task<ReadOnlyMemory<byte>>>>> initialize,
        LambdaRuntimeClient client,
        LambdaRuntimeOptions options,
        FunctionSettings function,
        CancellationToken stopping)
    {
        using var activity = LambdaRuntimeTelemetry.Source.StartActivity($"{function.SpanName} init", ActivityKind.Internal);
        try
        {
            return await initialize(stopping).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The initialiser returned no handler.");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e)
        {
            var error = LambdaError.FromException(e);
            activity?.SetTag(LambdaRuntimeTelemetry.ErrorTypeAttribute, error.ErrorType);
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            activity?.AddException(e);
            Write(options, $"Initialisation failed: {e}");
            try
            {
                var status = await client.PostInitErrorAsync(error, CancellationToken.None).ConfigureAwait(false);
                if (status != LambdaPostStatus.Accepted)
                {
                    Write(options, $"The Runtime API did not accept the init error ({status}).");
                }
            }
            catch (LambdaRuntimeApiException post)
            {
                Write(options, $"The init error could not be reported: {post.Message}");
            }

            return null;
        }
    }

    private static PosixSignalRegistration? RegisterSigterm(CancellationTokenSource stop)
    {
        try
        {
            // Lambda sends SIGTERM before shutdown (when extensions are registered); stopping here lets telemetry be flushed.
            return PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    private static void Validate(LambdaRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.Environment, nameof(options.Environment));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
        ArgumentNullException.ThrowIfNull(options.Log, nameof(options.Log));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DeadlineMargin, TimeSpan.Zero, nameof(options.DeadlineMargin));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TimeoutGracePeriod, TimeSpan.Zero, nameof(options.TimeoutGracePeriod));
        if (options.TimeoutGracePeriod > TimeSpan.Zero && options.TimeoutGracePeriod >= options.DeadlineMargin)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "TimeoutGracePeriod must be shorter than DeadlineMargin, or the timeout is reported after Lambda has already ended the invocation.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxResponseBytes, nameof(options.MaxResponseBytes));
    }

    private static void Write(LambdaRuntimeOptions options, string message) =>
        options.Log.WriteLine($"[{LambdaRuntimeTelemetry.SourceName}] {message}");
}
