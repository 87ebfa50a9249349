using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

/// <summary>
/// LocalCloud started in process on a free loopback port with a data directory of its own, and a raw HTTP client for
/// the Lambda API (requests carry a SigV4-shaped Authorization header naming <c>lambda</c>, as an SDK's would).
/// </summary>
internal sealed class LocalCloudInstance : IAsyncDisposable
{
    public const string Role = "arn:aws:iam::000000000000:role/test";

    private readonly bool _ownsDirectory;
    private bool _disposed;

    private LocalCloudInstance(WebApplication app, int port, string dataDirectory, bool ownsDirectory, CapturingLoggerProvider logs)
    {
        App = app;
        Port = port;
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        Logs = logs;
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        Http = new HttpClient { BaseAddress = Endpoint, Timeout = TimeSpan.FromSeconds(60) };
        Http.DefaultRequestHeaders.TryAddWithoutValidation(
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=00");
    }

    public WebApplication App { get; }

    public int Port { get; }

    public Uri Endpoint { get; }

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    /// <summary>Everything LocalCloud logged, function output included.</summary>
    public CapturingLoggerProvider Logs { get; }

    public IFunctionInvoker Invoker => App.Services.GetRequiredService<IFunctionInvoker>();

    /// <param name="dataDirectory">An existing data directory (a restart); null for a new one, deleted at disposal.</param>
    /// <param name="settings">Extra <c>--key=value</c> settings, e.g. <c>LocalCloud:Lambda:AsyncRetryDelay=00:00:00.1</c>.</param>
    public static async Task<LocalCloudInstance> StartAsync(string? dataDirectory = null, params string[] settings)
    {
        var owns = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("localcloud-lambda-it-").FullName;
        var port = FreePort();
        string[] args = ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", dataDirectory, .. settings.Select(s => $"--{s}")];
        var app = LocalCloudApp.Build(args);
        var logs = new CapturingLoggerProvider();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        await app.StartAsync();
        return new LocalCloudInstance(app, port, dataDirectory, owns, logs);
    }

    /// <summary>CreateFunction with a test package; the answer's JSON.</summary>
    public async Task<JsonElement> CreateFunctionAsync(
        string name,
        byte[]? package = null,
        int timeout = 10,
        IReadOnlyDictionary<string, string>? environment = null,
        HttpStatusCode expected = HttpStatusCode.Created)
    {
        var body = new Dictionary<string, object?>
        {
            ["FunctionName"] = name,
            ["Runtime"] = "provided.al2023",
            ["Role"] = Role,
            ["Handler"] = "bootstrap",
            ["Timeout"] = timeout,
            ["Code"] = new Dictionary<string, object?> { ["ZipFile"] = Convert.ToBase64String(package ?? TestFunction.Package()) },
            ["Environment"] = new Dictionary<string, object?> { ["Variables"] = environment ?? new Dictionary<string, string>() },
        };
        using var response = await Http.PostAsync("/2015-03-31/functions", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"CreateFunction answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Invoke over HTTP; the raw response (the caller disposes it).</summary>
    public async Task<HttpResponseMessage> InvokeAsync(string name, string payload, string invocationType = "RequestResponse")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/2015-03-31/functions/{Uri.EscapeDataString(name)}/invocations")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Amz-Invocation-Type", invocationType);
        return await Http.SendAsync(request);
    }

    /// <summary>A synchronous invocation that must succeed at the HTTP level; the payload as JSON and the function error header.</summary>
    public async Task<(JsonElement Payload, string? FunctionError)> InvokeJsonAsync(string name, string payload)
    {
        using var response = await InvokeAsync(name, payload);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Invoke answered {(int)response.StatusCode}: {text}");
        var error = response.Headers.TryGetValues("X-Amz-Function-Error", out var values) ? values.Single() : null;
        return (JsonDocument.Parse(text).RootElement.Clone(), error);
    }

    /// <summary>Waits for a log line: function output is forwarded as it arrives, after the invocation's answer.</summary>
    public async Task<bool> LoggedAsync(Func<(string Category, string Message), bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Logs.Entries.Any(match))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    public static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body, TestJson.Default.DictionaryStringObject), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Http.Dispose();
        try
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        finally
        {
            if (_ownsDirectory)
            {
                try
                {
                    Directory.Delete(DataDirectory, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
