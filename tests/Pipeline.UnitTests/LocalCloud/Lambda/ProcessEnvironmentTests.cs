using Pipeline.LocalCloud.Lambda.Execution;
using Pipeline.LocalCloud.Lambda.Functions;

namespace Pipeline.UnitTests.LocalCloud.LambdaService;

/// <summary>A function process gets Lambda's environment, LocalCloud's endpoint and OTEL settings, and nothing else of the host's.</summary>
public sealed class ProcessEnvironmentTests
{
    private static readonly FunctionDefinition Function = new()
    {
        FunctionName = "fn",
        Runtime = "provided.al2023",
        Role = "arn:aws:iam::000000000000:role/x",
        Handler = "my.handler",
        MemorySize = 512,
        Environment = new Dictionary<string, string> { ["TABLE"] = "t1", ["AWS_ENDPOINT_URL"] = "http://elsewhere:1" },
    };

    private static readonly ProcessLaunch Launch = new("/data/lambda/fn/code", "127.0.0.1:40001", "eu-west-1", "http://127.0.0.1:4566", "2026/01/01/[$LATEST]abc");

    private static readonly Dictionary<string, string> Host = new()
    {
        ["PATH"] = "/usr/bin",
        ["HOME"] = "/home/dev",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318",
        ["OTEL_SERVICE_NAME"] = "localcloud",
        ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=localcloud-1",
        ["AWS_ACCESS_KEY_ID"] = "AKIAREALKEY",
        ["AWS_PROFILE"] = "prod",
        ["SECRET_TOKEN"] = "s",
    };

    [Fact]
    public void Lambdas_variables_are_set()
    {
        var environment = ProcessEnvironment.Build(Function, Launch, Host);

        Assert.Equal("127.0.0.1:40001", environment["AWS_LAMBDA_RUNTIME_API"]);
        Assert.Equal("fn", environment["AWS_LAMBDA_FUNCTION_NAME"]);
        Assert.Equal("$LATEST", environment["AWS_LAMBDA_FUNCTION_VERSION"]);
        Assert.Equal("512", environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]);
        Assert.Equal("/aws/lambda/fn", environment["AWS_LAMBDA_LOG_GROUP_NAME"]);
        Assert.Equal("2026/01/01/[$LATEST]abc", environment["AWS_LAMBDA_LOG_STREAM_NAME"]);
        Assert.Equal("eu-west-1", environment["AWS_REGION"]);
        Assert.Equal("eu-west-1", environment["AWS_DEFAULT_REGION"]);
        Assert.Equal("my.handler", environment["_HANDLER"]);
        Assert.Equal("/data/lambda/fn/code", environment["LAMBDA_TASK_ROOT"]);
        Assert.Equal("test", environment["AWS_ACCESS_KEY_ID"]);
        Assert.Equal("test", environment["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal("t1", environment["TABLE"]);
    }

    [Fact]
    public void Telemetry_settings_and_the_basics_are_inherited_and_nothing_else()
    {
        var environment = ProcessEnvironment.Build(Function, Launch, Host);

        Assert.Equal("http://127.0.0.1:4318", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("/usr/bin", environment["PATH"]);
        Assert.Equal("/home/dev", environment["HOME"]);
        Assert.False(environment.ContainsKey("AWS_PROFILE"));
        Assert.False(environment.ContainsKey("SECRET_TOKEN"));
        Assert.NotEqual("AKIAREALKEY", environment["AWS_ACCESS_KEY_ID"]);
    }

    [Fact]
    public void Telemetry_is_filed_under_the_function_not_localcloud()
    {
        var environment = ProcessEnvironment.Build(Function, Launch, Host);

        Assert.Equal("fn", environment["OTEL_SERVICE_NAME"]);
        Assert.False(environment.ContainsKey("OTEL_RESOURCE_ATTRIBUTES"));
    }

    [Fact]
    public void The_endpoint_points_at_localcloud_unless_the_function_sets_its_own()
    {
        Assert.Equal("http://elsewhere:1", ProcessEnvironment.Build(Function, Launch, Host)["AWS_ENDPOINT_URL"]);
        Assert.Equal("http://127.0.0.1:4566", ProcessEnvironment.Build(Function with { Environment = new Dictionary<string, string>() }, Launch, Host)["AWS_ENDPOINT_URL"]);
    }

    [Fact]
    public void Log_stream_names_have_lambdas_shape()
    {
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/\[\$LATEST\][0-9a-f]{32}$", ProcessEnvironment.NewLogStreamName(TimeProvider.System));
    }
}
