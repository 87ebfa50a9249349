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
