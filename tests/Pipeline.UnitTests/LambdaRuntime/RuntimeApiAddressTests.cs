using Pipeline.LambdaRuntime;
using Xunit;

namespace Pipeline.UnitTests.LambdaRuntime;

/// <summary><c>AWS_LAMBDA_RUNTIME_API</c> is a <c>host:port</c>; the client talks to <c>http://host:port/2018-06-01/</c>.</summary>
public sealed class RuntimeApiAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:9001", "http://127.0.0.1:9001/2018-06-01/")]
    [InlineData("localhost:4566", "http://localhost:4566/2018-06-01/")]
    [InlineData(" 169.254.100.1:9001 ", "http://169.254.100.1:9001/2018-06-01/")]
    public void Builds_the_versioned_base_address(string runtimeApi, string expected) =>
        Assert.Equal(new Uri(expected), LambdaRuntimeClient.CreateBaseAddress(runtimeApi));

    [Theory]
    [InlineData("")]
    [InlineData("http://127.0.0.1:9001")]
    [InlineData("127.0.0.1:9001/2018-06-01")]
    [InlineData("user@127.0.0.1:9001")]
    public void Rejects_anything_but_host_and_port(string runtimeApi) =>
        Assert.Throws<ArgumentException>(() => LambdaRuntimeClient.CreateBaseAddress(runtimeApi));
}
