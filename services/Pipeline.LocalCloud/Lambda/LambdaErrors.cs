using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Lambda;

/// <summary>The errors Lambda answers with, with AWS's codes, statuses and (where known) wording.</summary>
internal static class LambdaErrors
{
    public static AwsServiceException FunctionNotFound(string arn) =>
        new("ResourceNotFoundException", $"Function not found: {arn}", StatusCodes.Status404NotFound);

    public static AwsServiceException FunctionExists(string name) =>
        new("ResourceConflictException", $"Function already exist: {name}", StatusCodes.Status409Conflict);

    public static AwsServiceException InvalidParameter(string message) =>
        new("InvalidParameterValueException", message);

    /// <summary>A request member breaks the API model's own constraint (pattern, range, required).</summary>
    public static AwsServiceException Validation(string member, string? value, string constraint) =>
        new("ValidationException", $"1 validation error detected: Value {(value is null ? "null" : $"'{value}'")} at '{member}' failed to satisfy constraint: {constraint}");

    public static AwsServiceException InvalidRequestContent(string message) =>
        new("InvalidRequestContentException", message);

    public static AwsServiceException RequestTooLarge(int limit, string operation) =>
        new("RequestEntityTooLargeException", $"Request must be smaller than {limit} bytes for the {operation} operation", StatusCodes.Status413PayloadTooLarge);

    public static AwsServiceException Throttled() =>
        new("TooManyRequestsException", "Rate Exceeded.", StatusCodes.Status429TooManyRequests);

    public static AwsServiceException UnknownOperation(string method, string path) =>
        new("UnknownOperationException", $"LocalCloud's Lambda does not serve {method} {path}.");

    /// <summary>The function's execution environment went away (LocalCloud stopping) before the invocation finished.</summary>
    public static AwsServiceException ShuttingDown() =>
        new("ServiceException", "LocalCloud is shutting down; the invocation did not complete.", StatusCodes.Status500InternalServerError);
}
