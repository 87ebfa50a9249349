namespace Pipeline.LambdaRuntime;

/// <summary>Why the runtime loop ended; a function's <c>Main</c> returns it as the process exit code.</summary>
public enum LambdaExitCode
{
    /// <summary>Stopped on request (SIGTERM or the caller's token): the only clean exit.</summary>
    Stopped = 0,

    /// <summary>The initialiser threw; the error was reported to <c>/runtime/init/error</c>.</summary>
    InitializationFailed = 1,

    /// <summary>The Runtime API answered 5xx, broke the protocol or could not be reached: Lambda's state is unrecoverable.</summary>
    RuntimeApiFailed = 2,

    /// <summary><c>AWS_LAMBDA_RUNTIME_API</c> is missing or not a <c>host:port</c>, so there is nothing to talk to.</summary>
    ConfigurationMissing = 3,
}
