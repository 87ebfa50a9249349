using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>
/// The error documents Lambda returns for a failed invocation (<c>X-Amz-Function-Error: Unhandled</c>), with the
/// <c>errorType</c> values and wording Lambda uses for failures of the platform rather than the handler.
/// </summary>
internal static class FunctionErrors
{
    /// <summary>The <c>X-Amz-Function-Error</c> value Lambda sends for every function error.</summary>
    public const string Unhandled = "Unhandled";

    public const string TimedOutType = "Sandbox.Timedout";
    public const string ExitErrorType = "Runtime.ExitError";
    public const string InvalidEntrypointType = "Runtime.InvalidEntrypoint";
    public const string ResponseTooLargeType = "Function.ResponseSizeTooLarge";
    public const string NoResponseType = "Runtime.NoResponse";

    public static FunctionInvocationResult Result(string errorType, string errorMessage) => new(Document(errorType, errorMessage), Unhandled);

    /// <summary>The same wording as Lambda and as our own runtime's timeout report.</summary>
    public static FunctionInvocationResult TimedOut(TimeSpan timeout) =>
        Result(TimedOutType, string.Create(CultureInfo.InvariantCulture, $"Task timed out after {timeout.TotalSeconds:F2} seconds"));

    public static FunctionInvocationResult ExitError(string requestId, int exitCode) => Result(ExitErrorType, ExitMessage(requestId, exitCode));

    /// <summary>The message of <see cref="ExitError"/>; Lambda writes it to the function's log too.</summary>
    public static string ExitMessage(string requestId, int exitCode) => $"RequestId: {requestId} Error: Runtime exited with error: {DescribeExit(exitCode)}";

    /// <summary>The line Lambda writes to the function's log when an invocation times out.</summary>
    public static string TimedOutLogLine(string requestId, TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"{requestId} Task timed out after {timeout.TotalSeconds:F2} seconds");

    public static FunctionInvocationResult InvalidEntrypoint(string requestId, string reason) =>
        Result(InvalidEntrypointType, $"RequestId: {requestId} Error: {reason}");

    public static FunctionInvocationResult ResponseTooLarge() =>
        Result(ResponseTooLargeType, $"Response payload size exceeded maximum allowed payload size ({LambdaLimits.ResponseBytes} bytes).");

    public static FunctionInvocationResult NoResponse(string requestId) =>
        Result(NoResponseType, $"RequestId: {requestId} Error: the runtime asked for the next invocation without answering this one.");

    /// <summary>
    /// What a runtime posted to <c>/error</c> or <c>/init/error</c>: its JSON document as posted, or, when the body is
    /// not a JSON object, a document built from the <c>Lambda-Runtime-Function-Error-Type</c> header and the text.
    /// </summary>
    public static FunctionInvocationResult FromRuntime(ReadOnlyMemory<byte> body, string? errorTypeHeader)
    {
        if (JsonProblem(body.Span, objectOnly: true) is null)
        {
            return new FunctionInvocationResult(body.ToArray(), Unhandled);
        }

        var text = body.IsEmpty ? "" : Encoding.UTF8.GetString(body.Span).Trim();
        return Result(
            string.IsNullOrWhiteSpace(errorTypeHeader) ? "Runtime.Unknown" : errorTypeHeader,
            text.Length == 0 ? "The runtime reported an error without details." : text);
    }

    /// <summary>Lambda's (Go's) wording: <c>exit status 1</c>, or <c>signal: killed</c> for a process a signal ended.</summary>
    public static string DescribeExit(int exitCode)
    {
        // .NET reports a process ended by signal N as 128 + N, as shells do.
        if (exitCode is > 128 and < 160)
        {
            return (exitCode - 128) switch
            {
                1 => "signal: hangup",
                2 => "signal: interrupt",
                3 => "signal: quit",
                4 => "signal: illegal instruction",
                6 => "signal: aborted",
                7 => "signal: bus error",
                8 => "signal: floating point exception",
                9 => "signal: killed",
                11 => "signal: segmentation fault",
                13 => "signal: broken pipe",
                15 => "signal: terminated",
                var other => string.Create(CultureInfo.InvariantCulture, $"signal: {other}"),
            };
        }

        return string.Create(CultureInfo.InvariantCulture, $"exit status {exitCode}");
    }

    private static byte[] Document(string errorType, string errorMessage)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", errorMessage);
            writer.WriteString("errorType", errorType);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Why <paramref name="body"/> is not one JSON value (with <paramref name="objectOnly"/>, one object); null when it is.</summary>
    public static string? JsonProblem(ReadOnlySpan<byte> body, bool objectOnly = false)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || (objectOnly && reader.TokenType != JsonTokenType.StartObject))
            {
                return "Not a JSON object.";
            }

            reader.Skip();
            return reader.Read() ? "Unexpected content after the JSON value." : null;
        }
        catch (JsonException e)
        {
            return e.Message;
        }
    }
}
