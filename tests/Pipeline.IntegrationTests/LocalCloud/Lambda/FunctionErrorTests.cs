using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>A function's error is a successful call (200) with X-Amz-Function-Error: Unhandled and the error document.</summary>
public sealed class FunctionErrorTests : IAsyncLifetime
{
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() => _cloud = await LocalCloudInstance.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [PythonFact]
    public async Task The_error_document_is_the_payload_and_the_process_stays_warm()
    {
        await _cloud.CreateFunctionAsync("failing");

        var (error, functionError) = await _cloud.InvokeJsonAsync("failing", """{"action":"fail"}""");
        var (after, _) = await _cloud.InvokeJsonAsync("failing", "{}");

        Assert.Equal("Unhandled", functionError);
        Assert.Equal("TestError", error.GetProperty("errorType").GetString());
        Assert.Equal("failed on purpose", error.GetProperty("errorMessage").GetString());
        Assert.Equal("at test", error.GetProperty("stackTrace")[0].GetString());
        Assert.True(after.GetProperty("pid").GetInt32() > 0);
    }

    [PythonFact]
    public async Task A_response_over_6_MB_fails_the_invocation_as_lambda_does()
    {
        await _cloud.CreateFunctionAsync("big");

        var (error, functionError) = await _cloud.InvokeJsonAsync("big", """{"action":"big"}""");

        Assert.Equal("Unhandled", functionError);
        Assert.Equal("Function.ResponseSizeTooLarge", error.GetProperty("errorType").GetString());
        Assert.True(await _cloud.LoggedAsync(e => e.Message.Contains("post answered 413", StringComparison.Ordinal)), "the runtime was not answered 413");
    }
}
