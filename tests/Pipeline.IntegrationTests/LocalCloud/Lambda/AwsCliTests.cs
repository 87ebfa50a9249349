using System.Diagnostics;
using System.Text.Json;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>The AWS CLI (botocore, code we did not write) creates, invokes, gets and lists functions on LocalCloud unchanged.</summary>
public sealed class AwsCliTests : IAsyncLifetime
{
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() => _cloud = await LocalCloudInstance.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [AwsCliFact]
    public async Task Create_invoke_get_and_list_work_from_the_cli()
    {
        var zip = Path.Combine(_cloud.DataDirectory, "function.zip");
        await File.WriteAllBytesAsync(zip, TestFunction.Package());
        var output = Path.Combine(_cloud.DataDirectory, "out.json");

        var created = await AwsAsync(
            "lambda", "create-function", "--function-name", "cli-fn", "--zip-file", $"fileb://{zip}", "--runtime", "provided.al2023",
            "--handler", "bootstrap", "--role", "arn:aws:iam::000000000000:role/x", "--timeout", "10");
        var invoked = await AwsAsync("lambda", "invoke", "--function-name", "cli-fn", "--payload", """{"from":"cli"}""", output);
        var payload = JsonDocument.Parse(await File.ReadAllTextAsync(output)).RootElement;
        var fetched = await AwsAsync("lambda", "get-function", "--function-name", "cli-fn");
        var listed = await AwsAsync("lambda", "list-functions");
        var failed = await AwsAsync("lambda", "invoke", "--function-name", "cli-fn", "--payload", """{"action":"fail"}""", output);

        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:cli-fn", created.GetProperty("FunctionArn").GetString());
        Assert.Equal(200, invoked.GetProperty("StatusCode").GetInt32());
        Assert.Equal("$LATEST", invoked.GetProperty("ExecutedVersion").GetString());
        Assert.Equal("cli", payload.GetProperty("event").GetProperty("from").GetString());
        Assert.Equal("cli-fn", fetched.GetProperty("Configuration").GetProperty("FunctionName").GetString());
        Assert.Equal("S3", fetched.GetProperty("Code").GetProperty("RepositoryType").GetString());
        Assert.Contains(listed.GetProperty("Functions").EnumerateArray(), f => f.GetProperty("FunctionName").GetString() == "cli-fn");
        Assert.Equal("Unhandled", failed.GetProperty("FunctionError").GetString());
    }

    [AwsCliFact]
    public async Task An_unknown_function_is_the_cli_ResourceNotFoundException()
    {
        var (exitCode, _, stderr) = await RunAsync("lambda", "get-function", "--function-name", "nope");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ResourceNotFoundException", stderr, StringComparison.Ordinal);
    }

    private async Task<JsonElement> AwsAsync(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RunAsync(arguments);
        Assert.True(exitCode == 0, $"aws {string.Join(' ', arguments)} exited {exitCode}:\n{stdout}\n{stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Tools.AwsCli ?? throw new InvalidOperationException(Tools.AwsCliMissing))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(_cloud.Endpoint.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        start.Environment["AWS_ACCESS_KEY_ID"] = "test";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment.Remove("AWS_PROFILE");
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

}
