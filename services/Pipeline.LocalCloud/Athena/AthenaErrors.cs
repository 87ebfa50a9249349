using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Athena;

/// <summary>Athena's API errors: nearly every mistake is an <c>InvalidRequestException</c>.</summary>
internal static class AthenaErrors
{
    public static AwsServiceException InvalidRequest(string message) => new("InvalidRequestException", message);

    public static AwsServiceException Validation(string member, object? value, string constraint) =>
        InvalidRequest($"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");

    public static AwsServiceException Missing(string member) =>
        InvalidRequest($"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");
}
