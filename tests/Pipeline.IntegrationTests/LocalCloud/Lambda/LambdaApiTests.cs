using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>The control plane answers with Lambda's shapes, and every mistake with Lambda's error, never a hang or a 500.</summary>
public sealed class LambdaApiTests : IAsyncLifetime
{
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() => _cloud = await LocalCloudInstance.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [Fact]
    public async Task CreateFunction_answers_the_function_configuration()
    {
        var package = TestFunction.Inert();

        var created = await _cloud.CreateFunctionAsync("configured", package, timeout: 42, environment: new Dictionary<string, string> { ["ALPHA"] = "1" });

        Assert.Equal("configured", created.GetProperty("FunctionName").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:configured", created.GetProperty("FunctionArn").GetString());
        Assert.Equal("provided.al2023", created.GetProperty("Runtime").GetString());
        Assert.Equal(LocalCloudInstance.Role, created.GetProperty("Role").GetString());
        Assert.Equal("bootstrap", created.GetProperty("Handler").GetString());
        Assert.Equal(package.Length, created.GetProperty("CodeSize").GetInt64());
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(package)), created.GetProperty("CodeSha256").GetString());
        Assert.Equal(42, created.GetProperty("Timeout").GetInt32());
        Assert.Equal(128, created.GetProperty("MemorySize").GetInt32());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$", created.GetProperty("LastModified").GetString());
        Assert.Equal("$LATEST", created.GetProperty("Version").GetString());
        Assert.Equal("Active", created.GetProperty("State").GetString());
        Assert.Equal("Zip", created.GetProperty("PackageType").GetString());
        Assert.Equal("x86_64", created.GetProperty("Architectures")[0].GetString());
        Assert.Equal("1", created.GetProperty("Environment").GetProperty("Variables").GetProperty("ALPHA").GetString());
    }

    [Fact]
    public async Task GetFunction_answers_configuration_and_a_location_that_serves_the_package()
    {
        var package = TestFunction.Inert();
        await _cloud.CreateFunctionAsync("fetched", package);

        using var response = await _cloud.Http.GetAsync("/2015-03-31/functions/fetched");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fetched", body.GetProperty("Configuration").GetProperty("FunctionName").GetString());
        Assert.Equal("S3", body.GetProperty("Code").GetProperty("RepositoryType").GetString());
        using var plain = new HttpClient();
        Assert.Equal(package, await plain.GetByteArrayAsync(body.GetProperty("Code").GetProperty("Location").GetString()));
    }

    [Fact]
    public async Task ListFunctions_pages_with_marker_and_max_items()
    {
        foreach (var name in new[] { "list-c", "list-a", "list-b" })
        {
            await _cloud.CreateFunctionAsync(name, TestFunction.Inert());
        }

        var names = new List<string>();
        string? marker = null;
        var pages = 0;
        do
        {
            var query = marker is null ? "?MaxItems=2" : $"?MaxItems=2&Marker={Uri.EscapeDataString(marker)}";
            var page = JsonDocument.Parse(await _cloud.Http.GetStringAsync($"/2015-03-31/functions/{query}")).RootElement;
            names.AddRange(page.GetProperty("Functions").EnumerateArray().Select(f => f.GetProperty("FunctionName").GetString()!));
            marker = page.TryGetProperty("NextMarker", out var next) ? next.GetString() : null;
            pages++;
        }
        while (marker is not null);

        Assert.Equal(["list-a", "list-b", "list-c"], names);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task A_second_create_conflicts_and_delete_removes_the_function()
    {
        await _cloud.CreateFunctionAsync("twice", TestFunction.Inert());
        await _cloud.CreateFunctionAsync("twice", TestFunction.Inert(), expected: HttpStatusCode.Conflict);

        using var deleted = await _cloud.Http.DeleteAsync("/2015-03-31/functions/twice");
        using var gone = await _cloud.Http.GetAsync("/2015-03-31/functions/twice");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(_cloud.DataDirectory, "lambda", "twice")));
    }

    [Fact]
    public async Task Invoking_an_unknown_function_is_ResourceNotFoundException_by_name_and_by_arn()
    {
        foreach (var name in new[] { "missing", "arn:aws:lambda:us-east-1:000000000000:function:missing", "000000000000:function:missing" })
        {
            using var response = await _cloud.InvokeAsync(name, "{}");
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("ResourceNotFoundException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
            Assert.Contains("Function not found: arn:aws:lambda:us-east-1:000000000000:function:missing", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_in_process_invoker_throws_ResourceNotFoundException_for_an_unknown_function()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _cloud.Invoker.InvokeAsync("arn:aws:lambda:us-east-1:000000000000:function:missing", "{}"u8.ToArray()));

        Assert.Equal("ResourceNotFoundException", error.Code);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task Another_regions_arn_or_a_published_version_is_not_found()
    {
        await _cloud.CreateFunctionAsync("regional", TestFunction.Inert());

        using var otherRegion = await _cloud.InvokeAsync("arn:aws:lambda:eu-west-1:000000000000:function:regional", "{}");
        using var version = await _cloud.InvokeAsync("regional:1", "{}");

        Assert.Equal(HttpStatusCode.NotFound, otherRegion.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, version.StatusCode);
    }

    [Fact]
    public async Task Payloads_over_lambdas_limits_are_RequestEntityTooLargeException()
    {
        await _cloud.CreateFunctionAsync("limited", TestFunction.Inert());

        using var sync = await _cloud.InvokeAsync("limited", $"\"{new string('x', 6 * 1024 * 1024)}\"");
        using var async = await _cloud.InvokeAsync("limited", $"\"{new string('x', 256 * 1024)}\"", "Event");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, sync.StatusCode);
        Assert.Equal("RequestEntityTooLargeException", sync.Headers.GetValues("X-Amzn-ErrorType").Single());
        Assert.Contains("6291456 bytes", await sync.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, async.StatusCode);
        Assert.Contains("262144 bytes", await async.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_that_is_not_json_is_InvalidRequestContentException()
    {
        await _cloud.CreateFunctionAsync("jsononly", TestFunction.Inert());

        using var response = await _cloud.InvokeAsync("jsononly", "{not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidRequestContentException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Unknown_operations_are_UnknownOperationException()
    {
        using var response = await _cloud.Http.PostAsync("/2015-03-31/functions/x/aliases", LocalCloudInstance.Json(new Dictionary<string, object?>()));
        using var other = await _cloud.Http.GetAsync("/2020-06-30/functions/x/code-signing-config");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
        Assert.Equal("UnknownOperationException", other.Headers.GetValues("X-Amzn-ErrorType").Single());
    }

    [Fact]
    public async Task A_non_custom_runtime_is_refused_with_the_reason()
    {
        var body = new Dictionary<string, object?>
        {
            ["FunctionName"] = "python",
            ["Runtime"] = "python3.12",
            ["Role"] = LocalCloudInstance.Role,
            ["Handler"] = "app.handler",
            ["Code"] = new Dictionary<string, object?> { ["ZipFile"] = Convert.ToBase64String(TestFunction.Inert()) },
        };

        using var response = await _cloud.Http.PostAsync("/2015-03-31/functions", LocalCloudInstance.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidParameterValueException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
        Assert.Contains("custom-runtime executables only", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_InvalidRequestContentException()
    {
        using var response = await _cloud.Http.PostAsync("/2015-03-31/functions", new StringContent("{oops"));

        Assert.Equal("InvalidRequestContentException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
    }
}
