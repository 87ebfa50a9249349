using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.CloudWatch;

/// <summary>
/// The errors CloudWatch answers with, with AWS's codes: the model's faults (<c>InvalidParameterValue</c>,
/// <c>MissingParameter</c>, <c>InvalidParameterCombination</c>, <c>LimitExceeded</c>, <c>InvalidNextToken</c>) and
/// <c>ValidationError</c>, which every Query-era service answers when a member breaks the model's constraints.
/// </summary>
internal static class CloudWatchErrors
{
    public static AwsServiceException InvalidParameterValue(string message) => new("InvalidParameterValue", message);

    public static AwsServiceException MissingParameter(string parameter) =>
        new("MissingParameter", $"The parameter {parameter} is required.");

    public static AwsServiceException InvalidParameterCombination(string message) => new("InvalidParameterCombination", message);

    public static AwsServiceException LimitExceeded(string message) => new("LimitExceeded", message);

    public static AwsServiceException InvalidNextToken() => new("InvalidNextToken", "The service couldn't process the NextToken; start again without it.");

    /// <summary>A member breaks the model's own constraint, in AWS's wording.</summary>
    public static AwsServiceException Validation(string member, string? value, string constraint) =>
        new("ValidationError", $"1 validation error detected: Value {(value is null ? "null" : $"'{value}'")} at '{member}' failed to satisfy constraint: {constraint}");

    public static AwsServiceException Validation(string message) => new("ValidationError", message);

    /// <summary>The shape name the JSON protocol's <c>__type</c> carries for a code (the model names them differently).</summary>
    public static string ShapeOf(string code) => code switch
    {
        "InvalidParameterValue" => "InvalidParameterValueException",
        "MissingParameter" => "MissingRequiredParameterException",
        "InvalidParameterCombination" => "InvalidParameterCombinationException",
        "LimitExceeded" => "LimitExceededFault",
        "InternalServiceError" => "InternalServiceFault",
        _ => code,
    };
}
