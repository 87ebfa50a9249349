namespace Pipeline.LocalCloud.Lambda.Api;

/// <summary>Lambda's <c>X-Amz-Invocation-Type</c>.</summary>
internal enum InvocationType
{
    /// <summary>Synchronous: the caller waits for the payload (200).</summary>
    RequestResponse,

    /// <summary>Asynchronous: queued (202), retried on error.</summary>
    Event,

    /// <summary>Checks the request and the caller's access only (204).</summary>
    DryRun,
}
