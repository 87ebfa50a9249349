using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pipeline.LambdaRuntime;

namespace Pipeline.UnitTests.LambdaRuntime.Fakes;

/// <summary>
/// A Lambda Runtime API on 127.0.0.1 (Kestrel, a free port): it hands out queued invocations on <c>/next</c> and records
/// every response and error the runtime posts, in the order the requests arrive.
/// </summary>
internal sealed class FakeRuntimeApi : IAsyncDisposable
{
    /// <summary>The longest any test waits for the runtime; reached only when something is broken.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private const string Prefix = "/2018-06-01/runtime/";

    private readonly Channel<QueuedInvocation> _invocations = Channel.CreateUnbounded<QueuedInvocation>();
    private readonly Channel<RecordedPost> _posts = Channel.CreateUnbounded<RecordedPost>();
    private readonly ConcurrentQueue<string> _events = new();
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _nextWaiters = [];
    private int _nextRequests;
    private readonly WebApplication _app;

    private FakeRuntimeApi(WebApplication app)
    {
        _app = app;
        _app.Run(HandleAsync);
    }

    /// <summary><c>host:port</c>, as <c>AWS_LAMBDA_RUNTIME_API</c> carries it.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>The status each post is answered with; 202 unless a test says otherwise.</summary>
    public Func<RecordedPost, int> PostStatus { get; set; } = _ => StatusCodes.Status202Accepted;

    /// <summary>What reached the API, in order: <c>next</c>, <c>response:{id}</c>, <c>error:{id}</c>, <c>init-error</c>, and whatever the test notes.</summary>
    public IReadOnlyList<string> Events => [.. _events];

    /// <summary>Completes once the runtime has asked for an event <paramref name="count"/> times.</summary>
    public Task NextRequested(int count)
    {
        lock (_gate)
        {
            if (_nextRequests >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _nextWaiters.Add((count, reached));
            return reached.Task.WaitAsync(Patience);
        }
    }

    public static async Task<FakeRuntimeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
        });
        var api = new FakeRuntimeApi(builder.Build());
        await api._app.StartAsync();
        var address = new Uri(api._app.Urls.Single());
        api.Address = $"127.0.0.1:{address.Port}";
        return api;
    }

    public void Enqueue(QueuedInvocation invocation) => _invocations.Writer.TryWrite(invocation);

    /// <summary>Adds a mark to <see cref="Events"/>, so a test can see where its own code ran between requests.</summary>
    public void Note(string mark) => _events.Enqueue(mark);

    public async Task<RecordedPost> NextPostAsync() => await _posts.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public bool TryTakePost(out RecordedPost? post) => _posts.Reader.TryRead(out post);

    /// <summary>Options that point the runtime here, with an environment and a log of the test's own.</summary>
    public LambdaRuntimeOptions Options(FakeEnvironmentVariables? environment = null, TextWriter? log = null)
    {
        environment ??= new FakeEnvironmentVariables();
        environment[LambdaEnvironmentVariables.RuntimeApi] = Address;
        environment[LambdaEnvironmentVariables.FunctionName] ??= "test-function";
        return new LambdaRuntimeOptions { Environment = environment, Log = log ?? TextWriter.Null };
    }

    public async ValueTask DisposeAsync()
    {
        _invocations.Writer.TryComplete();
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(shutdown.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var route = path[Prefix.Length..].Split('/');
        switch (context.Request.Method, route)
        {
            case ("GET", ["invocation", "next"]):
                await ServeNextAsync(context);
                break;
            case ("POST", ["invocation", var id, "response"]):
                await RecordAsync(context, PostKind.Response, Uri.UnescapeDataString(id));
                break;
            case ("POST", ["invocation", var id, "error"]):
                await RecordAsync(context, PostKind.InvocationError, Uri.UnescapeDataString(id));
                break;
            case ("POST", ["init", "error"]):
                await RecordAsync(context, PostKind.InitError, null);
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    private async Task ServeNextAsync(HttpContext context)
    {
        _events.Enqueue("next");
        lock (_gate)
        {
            _nextRequests++;
            foreach (var waiter in _nextWaiters.Where(w => w.Count <= _nextRequests))
            {
                waiter.Reached.TrySetResult();
            }
        }

        QueuedInvocation invocation;
        try
        {
            invocation = await _invocations.Reader.ReadAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            // The runtime stopped waiting, or the test is over.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.Response.StatusCode = invocation.Status;
        if (invocation.Status != StatusCodes.Status200OK)
        {
            return;
        }

        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        var deadline = invocation.Deadline ?? DateTimeOffset.UtcNow.AddMinutes(1);
        headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        if (invocation.FunctionArn is not null)
        {
            headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.FunctionArn;
        }

        if (invocation.TraceId is not null)
        {
            headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(invocation.Body));
    }

    private async Task RecordAsync(HttpContext context, PostKind kind, string? requestId)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var post = new RecordedPost(
            kind,
            requestId,
            body.ToArray(),
            context.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault(),
            context.Request.ContentType);
        _events.Enqueue(kind switch
        {
            PostKind.Response => $"response:{requestId}",
            PostKind.InvocationError => $"error:{requestId}",
            _ => "init-error",
        });
        context.Response.StatusCode = PostStatus(post);
        _posts.Writer.TryWrite(post);
        await context.Response.WriteAsync("""{"status":"OK"}""");
    }
}
