namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>An asynchronous invocation as queued: every attempt runs under the same request id, as in Lambda.</summary>
internal sealed record EventInvocation(string FunctionName, string RequestId, ReadOnlyMemory<byte> Payload, string TraceId);
