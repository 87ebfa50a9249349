using System.Text;
using System.Text.Json;
using Pipeline.LocalCloud.Lambda.Execution;

namespace Pipeline.UnitTests.LocalCloud.LambdaService;

/// <summary>Platform failures read as Lambda writes them; runtime errors pass through as the runtime posted them.</summary>
public sealed class FunctionErrorsTests
{
    [Theory]
    [InlineData(0, "exit status 0")]
    [InlineData(1, "exit status 1")]
    [InlineData(137, "signal: killed")]
    [InlineData(143, "signal: terminated")]
    [InlineData(139, "signal: segmentation fault")]
    public void Exits_are_described_in_lambdas_words(int exitCode, string expected)
    {
        Assert.Equal(expected, FunctionErrors.DescribeExit(exitCode));
    }

    [Fact]
    public void A_timeout_reads_like_lambdas()
    {
        var result = FunctionErrors.TimedOut(TimeSpan.FromSeconds(3));

        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("""{"errorMessage":"Task timed out after 3.00 seconds","errorType":"Sandbox.Timedout"}""", Encoding.UTF8.GetString(result.Payload));
    }

    [Fact]
    public void A_crash_names_the_request_and_the_exit()
    {
        var result = FunctionErrors.ExitError("req-1", 2);

        using var document = JsonDocument.Parse(result.Payload);
        Assert.Equal("Runtime.ExitError", document.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("RequestId: req-1 Error: Runtime exited with error: exit status 2", document.RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public void A_runtimes_json_error_document_is_returned_as_posted()
    {
        var posted = """{"errorMessage":"boom","errorType":"InvalidOperationException","stackTrace":["at X"]}"""u8.ToArray();

        var result = FunctionErrors.FromRuntime(posted, "InvalidOperationException");

        Assert.Equal(posted, result.Payload);
        Assert.Equal("Unhandled", result.FunctionError);
    }

    [Fact]
    public void A_runtime_error_without_a_json_body_is_built_from_the_header()
    {
        var result = FunctionErrors.FromRuntime("plain text"u8.ToArray(), "Runtime.Custom");

        using var document = JsonDocument.Parse(result.Payload);
        Assert.Equal("Runtime.Custom", document.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("plain text", document.RootElement.GetProperty("errorMessage").GetString());
    }
}
