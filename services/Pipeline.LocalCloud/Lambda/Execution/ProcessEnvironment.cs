using System.Globalization;
using Pipeline.LocalCloud.Lambda.Functions;
using Pipeline.LocalCloud.Processes;

namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>
/// A function process's environment: what every child of LocalCloud gets (<see cref="ChildEnvironment"/>), the
/// function's own variables, and what Lambda sets for a custom runtime, which the function's cannot change.
/// </summary>
internal static class ProcessEnvironment
{
    public static Dictionary<string, string> Build(FunctionDefinition function, ProcessLaunch launch, IReadOnlyDictionary<string, string> host)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(host);

        // The function is named as the Lambda OpenTelemetry layers name it.
        var environment = ChildEnvironment.Inherit(host, launch.EndpointUrl, function.FunctionName);

        // The function's own variables come after the inherited ones and before Lambda's, which they cannot change.
        foreach (var (name, value) in function.Environment)
        {
            environment[name] = value;
        }

        environment["AWS_LAMBDA_RUNTIME_API"] = launch.RuntimeApi;
        environment["AWS_LAMBDA_FUNCTION_NAME"] = function.FunctionName;
        environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemorySize.ToString(CultureInfo.InvariantCulture);
        environment["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{function.FunctionName}";
        environment["AWS_LAMBDA_LOG_STREAM_NAME"] = launch.LogStreamName;
        environment["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        ChildEnvironment.SetAws(environment, launch.Region);
        environment["_HANDLER"] = function.Handler;
        environment["LAMBDA_TASK_ROOT"] = launch.CodeDirectory;
        return environment;
    }

    /// <summary>Lambda's stream name: <c>2024/01/31/[$LATEST]</c> and 32 hex digits.</summary>
    public static string NewLogStreamName(TimeProvider time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyy/MM/dd}/[$LATEST]{Guid.NewGuid():N}");
}

/// <summary>What a function process is started with, besides its function's definition.</summary>
/// <param name="CodeDirectory">The unpacked code: working directory and <c>LAMBDA_TASK_ROOT</c>.</param>
/// <param name="RuntimeApi"><c>127.0.0.1:port</c> of the process's own Runtime API listener.</param>
/// <param name="Region">LocalCloud's region.</param>
/// <param name="EndpointUrl">LocalCloud itself, for <c>AWS_ENDPOINT_URL</c>.</param>
/// <param name="LogStreamName">This execution environment's log stream.</param>
internal sealed record ProcessLaunch(string CodeDirectory, string RuntimeApi, string Region, string EndpointUrl, string LogStreamName);
