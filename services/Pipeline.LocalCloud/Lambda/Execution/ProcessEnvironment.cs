using System.Globalization;
using Pipeline.LocalCloud.Lambda.Functions;

namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>
/// A function process's environment: what Lambda sets for a custom runtime, LocalCloud's endpoint and dummy
/// credentials, the function's own variables, and from LocalCloud's environment only what a process needs to run here
/// (PATH, HOME, locale, the .NET root) and <c>OTEL_*</c>, so telemetry reaches the same collector. Nothing else leaks
/// in, so a function that works locally does not lean on the developer's shell (or their real AWS credentials).
/// </summary>
internal static class ProcessEnvironment
{
    /// <summary>The credentials every function gets; LocalCloud checks no signatures.</summary>
    public const string AccessKeyId = "test";

    public const string SecretAccessKey = "test";

    private const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    private const string ResourceAttributesVariable = "OTEL_RESOURCE_ATTRIBUTES";

    private static readonly string[] Inherited =
    [
        "PATH", "HOME", "USER", "LANG", "LC_ALL", "TMPDIR", "LD_LIBRARY_PATH", "SSL_CERT_FILE", "SSL_CERT_DIR",
        "DOTNET_ROOT", "DOTNET_ROOT_X64", "DOTNET_CLI_HOME",
    ];

    public static Dictionary<string, string> Build(FunctionDefinition function, ProcessLaunch launch, IReadOnlyDictionary<string, string> host)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(host);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Inherited)
        {
            if (host.TryGetValue(name, out var value))
            {
                environment[name] = value;
            }
        }

        foreach (var (name, value) in host)
        {
            // LocalCloud's own service name and resource attributes would file the function's telemetry under
            // LocalCloud; the function is named below, as the Lambda OpenTelemetry layers name it.
            if (name.StartsWith("OTEL_", StringComparison.Ordinal) && name is not (ServiceNameVariable or ResourceAttributesVariable))
            {
                environment[name] = value;
            }
        }

        environment.TryAdd("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.TryAdd("LANG", "C.UTF-8");
        environment["TZ"] = ":UTC";
        environment["AWS_ENDPOINT_URL"] = launch.EndpointUrl;

        if (host.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"))
        {
            environment[ServiceNameVariable] = function.FunctionName;
        }

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
        environment["AWS_REGION"] = launch.Region;
        environment["AWS_DEFAULT_REGION"] = launch.Region;
        environment["AWS_ACCESS_KEY_ID"] = AccessKeyId;
        environment["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey;
        environment["_HANDLER"] = function.Handler;
        environment["LAMBDA_TASK_ROOT"] = launch.CodeDirectory;
        return environment;
    }

    /// <summary>Lambda's stream name: <c>2024/01/31/[$LATEST]</c> and 32 hex digits.</summary>
    public static string NewLogStreamName(TimeProvider time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyy/MM/dd}/[$LATEST]{Guid.NewGuid():N}");

    /// <summary>LocalCloud's own environment, read once.</summary>
    public static IReadOnlyDictionary<string, string> Current()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                result[key] = value;
            }
        }

        return result;
    }
}
