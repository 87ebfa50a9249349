namespace Pipeline.LambdaRuntime;

/// <summary>
/// The body of <c>/runtime/invocation/{id}/error</c> and <c>/runtime/init/error</c>
/// (<c>application/vnd.aws.lambda.error+json</c>): <c>{"errorMessage","errorType","stackTrace":[...]}</c>.
/// </summary>
public sealed record LambdaError(string ErrorMessage, string ErrorType, IReadOnlyList<string> StackTrace)
{
    /// <summary>An error the runtime raises itself, with no stack to show.</summary>
    public LambdaError(string errorMessage, string errorType)
        : this(errorMessage, errorType, [])
    {
    }

    /// <summary>Reports <paramref name="exception"/> under its type name, as Lambda's managed runtimes do.</summary>
    public static LambdaError FromException(Exception exception) => FromException(exception, exception.GetType().Name);

    /// <summary>Reports <paramref name="exception"/> under <paramref name="errorType"/>.</summary>
    public static LambdaError FromException(Exception exception, string errorType)
    {
        ArgumentNullException.ThrowIfNull(exception);

        // ToString rather than StackTrace so inner exceptions (" ---> ") reach the caller too.
        var lines = exception.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new LambdaError(exception.Message, errorType, lines);
    }
}
