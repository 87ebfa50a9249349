namespace Pipeline.LocalCloud.Lambda;

/// <summary>Invokes a local function synchronously (RequestResponse), as Firehose and event sources do.</summary>
public interface IFunctionInvoker
{
    /// <summary>
    /// Runs one invocation. A function error (the handler threw, timed out or crashed) is a result with
    /// <see cref="FunctionInvocationResult.FunctionError"/> set; an unknown function throws an
    /// <see cref="Hosting.AwsServiceException"/> with <c>ResourceNotFoundException</c>.
    /// </summary>
    Task<FunctionInvocationResult> InvokeAsync(string functionNameOrArn, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default);
}

/// <summary>
/// What an invocation returned: the response payload, or with <see cref="FunctionError"/> (<c>Unhandled</c>) the
/// Lambda error document (<c>errorMessage</c>, <c>errorType</c>).
/// </summary>
public sealed record FunctionInvocationResult(byte[] Payload, string? FunctionError)
{
    public bool Succeeded => FunctionError is null;
}
