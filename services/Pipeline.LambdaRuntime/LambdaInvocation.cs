namespace Pipeline.LambdaRuntime;

/// <summary>One event from <c>GET /runtime/invocation/next</c>: the body and the <c>Lambda-Runtime-*</c> headers.</summary>
/// <param name="RequestId"><c>Lambda-Runtime-Aws-Request-Id</c>.</param>
/// <param name="Deadline"><c>Lambda-Runtime-Deadline-Ms</c>; null when the header is missing or not a number.</param>
/// <param name="InvokedFunctionArn"><c>Lambda-Runtime-Invoked-Function-Arn</c>.</param>
/// <param name="TraceId"><c>Lambda-Runtime-Trace-Id</c>, an X-Ray header (<c>Root=1-…;Parent=…;Sampled=…</c>), not W3C.</param>
/// <param name="ClientContext"><c>Lambda-Runtime-Client-Context</c> (Mobile SDK invocations only).</param>
/// <param name="CognitoIdentity"><c>Lambda-Runtime-Cognito-Identity</c> (Mobile SDK invocations only).</param>
/// <param name="Body">The event, as sent.</param>
public sealed record LambdaInvocation(
    string RequestId,
    DateTimeOffset? Deadline,
    string? InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? CognitoIdentity,
    ReadOnlyMemory<byte> Body);
