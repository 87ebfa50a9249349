using System.Globalization;
using System.Net;
using System.Text.Json;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>A synchronous invocation runs the bootstrap under its own Runtime API and returns what it answered.</summary>
public sealed class RequestResponseInvocationTests : IAsyncLifetime
{
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() => _cloud = await LocalCloudInstance.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [PythonFact]
    public async Task The_payload_comes_back_with_lambdas_headers_and_the_runtime_saw_lambdas_headers()
    {
        await _cloud.CreateFunctionAsync("echo", timeout: 7);
        var before = DateTimeOffset.UtcNow;

        using var response = await _cloud.InvokeAsync("echo", """{"hello":"world"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("$LATEST", response.Headers.GetValues("X-Amz-Executed-Version").Single());
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"));
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("world", answer.GetProperty("event").GetProperty("hello").GetString());

        var headers = answer.GetProperty("headers");
        var requestId = headers.GetProperty("Lambda-Runtime-Aws-Request-Id").GetString()!;
        Assert.True(Guid.TryParse(requestId, out _));
        Assert.Equal(requestId, response.Headers.GetValues("x-amzn-RequestId").Single());
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(headers.GetProperty("Lambda-Runtime-Deadline-Ms").GetString()!, CultureInfo.InvariantCulture));
        Assert.InRange(deadline, before.AddSeconds(6), DateTimeOffset.UtcNow.AddSeconds(7.5));
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:echo", headers.GetProperty("Lambda-Runtime-Invoked-Function-Arn").GetString());
        Assert.Matches(@"^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1$", headers.GetProperty("Lambda-Runtime-Trace-Id").GetString());
    }

    [PythonFact]
    public async Task The_process_runs_in_its_code_folder_with_lambdas_environment()
    {
        await _cloud.CreateFunctionAsync("env", environment: new Dictionary<string, string> { ["TABLE_NAME"] = "orders" });

        var (answer, _) = await _cloud.InvokeJsonAsync("env", "{}");

        var code = Path.Combine(_cloud.DataDirectory, "lambda", "env", "code");
        var environment = answer.GetProperty("env");
        string Variable(string name) => environment.GetProperty(name).GetString()!;
        Assert.Equal(code, answer.GetProperty("cwd").GetString());
        Assert.Equal(code, Variable("LAMBDA_TASK_ROOT"));
        Assert.Equal("orders", Variable("TABLE_NAME"));
        Assert.Equal("env", Variable("AWS_LAMBDA_FUNCTION_NAME"));
        Assert.Equal("$LATEST", Variable("AWS_LAMBDA_FUNCTION_VERSION"));
        Assert.Equal("128", Variable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
        Assert.Equal("/aws/lambda/env", Variable("AWS_LAMBDA_LOG_GROUP_NAME"));
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/\[\$LATEST\][0-9a-f]{32}$", Variable("AWS_LAMBDA_LOG_STREAM_NAME"));
        Assert.Equal("us-east-1", Variable("AWS_REGION"));
        Assert.Equal("us-east-1", Variable("AWS_DEFAULT_REGION"));
        Assert.Equal("bootstrap", Variable("_HANDLER"));
        Assert.Equal($"http://127.0.0.1:{_cloud.Port}", Variable("AWS_ENDPOINT_URL"));
        Assert.Equal("test", Variable("AWS_ACCESS_KEY_ID"));
        Assert.Matches(@"^127\.0\.0\.1:\d+$", Variable("AWS_LAMBDA_RUNTIME_API"));
        Assert.NotEqual(_cloud.Port.ToString(CultureInfo.InvariantCulture), Variable("AWS_LAMBDA_RUNTIME_API").Split(':')[1]);
    }

    [PythonFact]
    public async Task A_warm_process_serves_the_next_invocation_and_its_output_reaches_the_log()
    {
        var starts = Path.Combine(_cloud.DataDirectory, "starts");
        await _cloud.CreateFunctionAsync("warm", environment: new Dictionary<string, string> { ["STARTS_FILE"] = starts });

        var (first, _) = await _cloud.InvokeJsonAsync("warm", "{}");
        var (second, _) = await _cloud.InvokeJsonAsync("warm", "{}");

        Assert.Equal(first.GetProperty("pid").GetInt32(), second.GetProperty("pid").GetInt32());
        Assert.Single(Processes.Started(starts));
        var pid = first.GetProperty("pid").GetInt32();
        Assert.True(await _cloud.LoggedAsync(e => e.Category == "Pipeline.LocalCloud.Lambda.FunctionOutput" && e.Message == $"[warm] ready pid {pid}"));
    }

    [PythonFact]
    public async Task An_empty_payload_reaches_the_function_as_an_empty_object()
    {
        await _cloud.CreateFunctionAsync("empty");

        var (answer, _) = await _cloud.InvokeJsonAsync("empty", "");

        Assert.Equal(JsonValueKind.Object, answer.GetProperty("event").ValueKind);
    }
}
