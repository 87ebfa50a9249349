namespace Pipeline.LambdaRuntime;

/// <summary>What an invocation produced: a response to post, or an error to post instead.</summary>
internal sealed record InvocationOutcome(ReadOnlyMemory<byte> Response, LambdaError? Error, Exception? Exception)
{
    public static InvocationOutcome Responded(ReadOnlyMemory<byte> response) => new(response, null, null);

    public static InvocationOutcome Failed(LambdaError error, Exception? exception = null) => new(ReadOnlyMemory<byte>.Empty, error, exception);
}
