namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>What a function process is started with, besides its function's definition.</summary>
/// <param name="CodeDirectory">The unpacked code: working directory and <c>LAMBDA_TASK_ROOT</c>.</param>
/// <param name="RuntimeApi"><c>127.0.0.1:port</c> of the process's own Runtime API listener.</param>
/// <param name="Region">LocalCloud's region.</param>
/// <param name="EndpointUrl">LocalCloud itself, for <c>AWS_ENDPOINT_URL</c>.</param>
/// <param name="LogStreamName">This execution environment's log stream.</param>
internal sealed record ProcessLaunch(string CodeDirectory, string RuntimeApi, string Region, string EndpointUrl, string LogStreamName);
