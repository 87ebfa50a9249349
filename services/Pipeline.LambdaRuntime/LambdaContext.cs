namespace Pipeline.LambdaRuntime;

/// <summary>
/// What a handler knows about its invocation and function. Handlers' tests build one with an object initialiser.
/// </summary>
public sealed class LambdaContext
{
    /// <summary>The request id (<c>Lambda-Runtime-Aws-Request-Id</c>); the id every error and response is posted under.</summary>
    public required string AwsRequestId { get; init; }

    /// <summary>When Lambda stops the invocation. <see cref="DateTimeOffset.MaxValue"/> when the Runtime API gave none.</summary>
    public required DateTimeOffset Deadline { get; init; }

    /// <summary>The ARN the caller used (it may carry a version or alias).</summary>
    public string? InvokedFunctionArn { get; init; }

    /// <summary>The X-Ray trace header; the runtime also copies it to <c>_X_AMZN_TRACE_ID</c>.</summary>
    public string? TraceId { get; init; }

    /// <summary><c>Lambda-Runtime-Client-Context</c>, as sent (Mobile SDK invocations only).</summary>
    public string? ClientContext { get; init; }

    /// <summary><c>Lambda-Runtime-Cognito-Identity</c>, as sent (Mobile SDK invocations only).</summary>
    public string? CognitoIdentity { get; init; }

    /// <summary><c>AWS_LAMBDA_FUNCTION_NAME</c>.</summary>
    public string? FunctionName { get; init; }

    /// <summary><c>AWS_LAMBDA_FUNCTION_VERSION</c>.</summary>
    public string? FunctionVersion { get; init; }

    /// <summary><c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>, in MB.</summary>
    public int? MemoryLimitInMB { get; init; }

    /// <summary><c>AWS_LAMBDA_LOG_GROUP_NAME</c>.</summary>
    public string? LogGroupName { get; init; }

    /// <summary><c>AWS_LAMBDA_LOG_STREAM_NAME</c>.</summary>
    public string? LogStreamName { get; init; }

    /// <summary>The clock <see cref="RemainingTime"/> reads.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Time left until <see cref="Deadline"/>; never negative.</summary>
    public TimeSpan RemainingTime
    {
        get
        {
            var remaining = Deadline - TimeProvider.GetUtcNow();
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }
}
