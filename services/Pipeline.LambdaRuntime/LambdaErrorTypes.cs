namespace Pipeline.LambdaRuntime;

/// <summary>
/// The <c>errorType</c> values the runtime itself reports. A handler's own exception is reported with its type name.
/// </summary>
public static class LambdaErrorTypes
{
    /// <summary>The event could not be read as the handler's request type, or the response could not be written.</summary>
    public const string SerializationError = "Runtime.SerializationError";

    /// <summary>The response is over Lambda's 6 MB limit (ours, or the Runtime API's 413).</summary>
    public const string ResponseSizeTooLarge = "Function.ResponseSizeTooLarge";

    /// <summary>The handler ran to the deadline; the spelling is the one Lambda reports for timeouts.</summary>
    public const string Timeout = "Sandbox.Timedout";

    /// <summary>The runtime was told to stop while the handler was running and the handler gave up.</summary>
    public const string Stopping = "Runtime.ExitError";
}
