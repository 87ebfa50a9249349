namespace Pipeline.LocalCloud.Lambda;

/// <summary>
/// What an invocation returned: the response payload, or with <see cref="FunctionError"/> (<c>Unhandled</c>) the
/// Lambda error document (<c>errorMessage</c>, <c>errorType</c>).
/// </summary>
public sealed record FunctionInvocationResult(byte[] Payload, string? FunctionError)
{
    public bool Succeeded => FunctionError is null;
}
