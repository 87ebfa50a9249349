namespace Pipeline.LambdaRuntime;

/// <summary>How the Runtime API answered a response or error the runtime posted (5xx never gets here: it throws).</summary>
public enum LambdaPostStatus
{
    /// <summary>2xx: Lambda took it.</summary>
    Accepted,

    /// <summary>413: the payload is over Lambda's limit; the runtime reports an error instead.</summary>
    PayloadTooLarge,

    /// <summary>Another 4xx (e.g. 400 for an unknown or already answered request id); nothing more can be done for that invocation.</summary>
    Rejected,
}
