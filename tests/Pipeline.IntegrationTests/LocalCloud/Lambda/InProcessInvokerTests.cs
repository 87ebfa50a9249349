using System.Text.Json;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>Firehose and event sources invoke through IFunctionInvoker, by name or ARN, with the same results as the API.</summary>
public sealed class InProcessInvokerTests : IAsyncLifetime
{
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() => _cloud = await LocalCloudInstance.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [PythonFact]
    public async Task An_arn_invocation_returns_the_payload_and_a_failure_the_error_document()
    {
        await _cloud.CreateFunctionAsync("transformer");

        var ok = await _cloud.Invoker.InvokeAsync("arn:aws:lambda:us-east-1:000000000000:function:transformer", """{"records":[]}"""u8.ToArray());
        var failed = await _cloud.Invoker.InvokeAsync("transformer:$LATEST", """{"action":"fail"}"""u8.ToArray());

        Assert.True(ok.Succeeded);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(ok.Payload).RootElement.GetProperty("event").GetProperty("records").ValueKind);
        Assert.Equal("Unhandled", failed.FunctionError);
        Assert.Equal("TestError", JsonDocument.Parse(failed.Payload).RootElement.GetProperty("errorType").GetString());
    }

    [PythonFact]
    public async Task A_caller_that_gives_up_gets_a_cancellation_and_the_function_stays_usable()
    {
        await _cloud.CreateFunctionAsync("patient", timeout: 5);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _cloud.Invoker.InvokeAsync("patient", """{"action":"sleep","seconds":1}"""u8.ToArray(), giveUp.Token));
        var after = await _cloud.Invoker.InvokeAsync("patient", "{}"u8.ToArray());

        Assert.True(after.Succeeded);
    }
}
