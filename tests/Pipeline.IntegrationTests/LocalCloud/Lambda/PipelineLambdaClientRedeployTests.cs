using System.Text.Json;
using Amazon.Runtime;
using Pipeline.Aws;
using Pipeline.Aws.Lambda;
using Pipeline.AwsShapes.Lambda;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>
/// A second app host run on the same data directory deploys again with our own Lambda client: the function is updated
/// in place (code, then configuration), never missing in between, and the next invocation runs the new deployment.
/// </summary>
public sealed class PipelineLambdaClientRedeployTests : IAsyncLifetime
{
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() => _cloud = await LocalCloudInstance.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [PythonFact]
    public async Task Code_and_configuration_updates_reach_the_next_invocation()
    {
        var lambda = new AwsClientFactory(new AwsClientOptions
        {
            Endpoint = _cloud.Endpoint,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("test", "test"),
            GetEnvironmentVariable = _ => null,
        }).CreateLambda();
        await lambda.CreateFunctionAsync(new CreateFunctionRequest
        {
            FunctionName = "redeployed",
            Role = LocalCloudInstance.Role,
            Code = new FunctionCode { ZipFile = TestFunction.Inert() },
            Timeout = 30,
            Environment = new FunctionEnvironment { Variables = new Dictionary<string, string> { ["COLOUR"] = "red", ["LEFT_OVER"] = "yes" } },
        });

        var coded = await lambda.UpdateFunctionCodeAsync("redeployed", TestFunction.Package(), ["x86_64"]);
        var configured = await lambda.UpdateFunctionConfigurationAsync("redeployed", new UpdateFunctionConfigurationRequest
        {
            Role = LocalCloudInstance.Role,
            Timeout = 60,
            MemorySize = 512,
            Environment = new FunctionEnvironment { Variables = new Dictionary<string, string> { ["COLOUR"] = "blue" } },
        });
        var invoked = await lambda.InvokeAsync("redeployed", """{"n":1}"""u8.ToArray());
        var missing = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.UpdateFunctionCodeAsync("never-created", TestFunction.Package()));

        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:redeployed", coded.FunctionArn);
        Assert.Equal(60, configured.Timeout);
        Assert.Equal(512, configured.MemorySize);
        Assert.Equal(200, invoked.StatusCode);
        Assert.Null(invoked.FunctionError);
        var answer = JsonDocument.Parse(invoked.Payload).RootElement;
        Assert.Equal(1, answer.GetProperty("event").GetProperty("n").GetInt32());
        Assert.Equal("blue", answer.GetProperty("env").GetProperty("COLOUR").GetString());
        Assert.False(answer.GetProperty("env").TryGetProperty("LEFT_OVER", out _), "UpdateFunctionConfiguration's Environment replaces every variable.");
        Assert.Equal("ResourceNotFoundException", missing.ErrorCode);
    }
}
