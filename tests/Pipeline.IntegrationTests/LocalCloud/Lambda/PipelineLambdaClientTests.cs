using System.Text.Json;
using Amazon.Runtime;
using Pipeline.Aws;
using Pipeline.Aws.Lambda;
using Pipeline.AwsShapes.Lambda;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>The app host deploys with our own SigV4 Lambda client: delete-if-present, create, get, invoke all work against LocalCloud.</summary>
public sealed class PipelineLambdaClientTests : IAsyncLifetime
{
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() => _cloud = await LocalCloudInstance.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [PythonFact]
    public async Task The_app_hosts_deployment_sequence_works()
    {
        var lambda = new AwsClientFactory(new AwsClientOptions
        {
            Endpoint = _cloud.Endpoint,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("test", "test"),
            GetEnvironmentVariable = _ => null,
        }).CreateLambda();

        var missing = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.DeleteFunctionAsync("deployed"));
        var created = await lambda.CreateFunctionAsync(new CreateFunctionRequest
        {
            FunctionName = "deployed",
            Role = LocalCloudInstance.Role,
            Code = new FunctionCode { ZipFile = TestFunction.Package() },
            Timeout = 60,
            MemorySize = 512,
            Architectures = ["x86_64"],
            Environment = new FunctionEnvironment { Variables = new Dictionary<string, string> { ["OTEL_SERVICE_NAME"] = "deployed" } },
        });
        var fetched = await lambda.GetFunctionAsync(created.FunctionArn!);
        var invoked = await lambda.InvokeAsync("deployed", """{"n":1}"""u8.ToArray());
        var failed = await lambda.InvokeAsync("deployed", """{"action":"fail"}"""u8.ToArray());

        Assert.Equal("ResourceNotFoundException", missing.ErrorCode);
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:deployed", created.FunctionArn);
        Assert.Equal("Active", fetched.State);
        Assert.Equal(512, fetched.MemorySize);
        Assert.Equal(200, invoked.StatusCode);
        Assert.Null(invoked.FunctionError);
        Assert.Equal(1, JsonDocument.Parse(invoked.Payload).RootElement.GetProperty("event").GetProperty("n").GetInt32());
        Assert.Equal("Unhandled", failed.FunctionError);

        await lambda.DeleteFunctionAsync("deployed");
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.GetFunctionAsync("deployed"));
        Assert.Equal("ResourceNotFoundException", gone.ErrorCode);
    }
}
