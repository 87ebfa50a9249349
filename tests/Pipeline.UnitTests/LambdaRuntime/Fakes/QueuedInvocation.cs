namespace Pipeline.UnitTests.LambdaRuntime.Fakes;

/// <summary>One answer the fake Runtime API gives to <c>/next</c>: an event with its headers, or a bare status.</summary>
internal sealed record QueuedInvocation(
    string RequestId,
    string Body,
    DateTimeOffset? Deadline = null,
    string? TraceId = null,
    string? FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:test-function",
    int Status = 200)
{
    /// <summary>A <c>/next</c> answered with <paramref name="status"/> and no event.</summary>
    public static QueuedInvocation Failing(int status) => new(string.Empty, string.Empty, Status: status);
}
