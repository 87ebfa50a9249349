namespace Pipeline.LocalCloud.Lambda;

/// <summary>
/// Receives every line a function process writes, as CloudWatch Logs receives a function's log events (LocalCloud's
/// CloudWatch extracts embedded metrics from them). Called on the process's output thread for each line: an
/// implementation must be quick and must not throw; one that throws is logged and the output goes on regardless.
/// </summary>
public interface IFunctionLogSink
{
    /// <param name="functionName">The function whose process wrote the line.</param>
    /// <param name="logStreamName">The process's log stream (<c>AWS_LAMBDA_LOG_STREAM_NAME</c>).</param>
    /// <param name="timestamp">When LocalCloud received the line.</param>
    /// <param name="line">The line, without its line break.</param>
    void Write(string functionName, string logStreamName, DateTimeOffset timestamp, string line);
}
