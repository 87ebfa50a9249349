namespace Pipeline.Aws.Lambda;

/// <summary>
/// An invocation's answer. With <see cref="FunctionError"/> set (<c>Unhandled</c>) the function failed and
/// <see cref="Payload"/> is its error document; the service call itself succeeded.
/// </summary>
public sealed record InvokeResult(int StatusCode, byte[] Payload, string? FunctionError);
