namespace Pipeline.LambdaRuntime;

/// <summary>The environment variables Lambda sets for a custom runtime, and the one the runtime sets itself.</summary>
public static class LambdaEnvironmentVariables
{
    /// <summary><c>host:port</c> of the Runtime API.</summary>
    public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>The X-Ray trace header of the current invocation; the runtime copies it from <c>Lambda-Runtime-Trace-Id</c>.</summary>
    public const string TraceId = "_X_AMZN_TRACE_ID";

    /// <summary>The function's name.</summary>
    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";

    /// <summary>The version being run (<c>$LATEST</c> or a number).</summary>
    public const string FunctionVersion = "AWS_LAMBDA_FUNCTION_VERSION";

    /// <summary>Memory in MB.</summary>
    public const string FunctionMemorySize = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";

    /// <summary>The CloudWatch Logs group the function's stdout and stderr go to.</summary>
    public const string LogGroupName = "AWS_LAMBDA_LOG_GROUP_NAME";

    /// <summary>The CloudWatch Logs stream of this execution environment.</summary>
    public const string LogStreamName = "AWS_LAMBDA_LOG_STREAM_NAME";
}
