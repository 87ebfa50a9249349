using System.Text;
using System.Text.RegularExpressions;
using Pipeline.LocalCloud.Athena.Engine;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Athena;

/// <summary>
/// Athena's checks of request members, with AWS's messages (nearly every mistake is an
/// <c>InvalidRequestException</c>), and its opaque page tokens.
/// </summary>
internal static partial class AthenaValidation
{
    public static AwsServiceException InvalidRequest(string message) => new("InvalidRequestException", message);

    public static AwsServiceException Validation(string member, object? value, string constraint) =>
        InvalidRequest($"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");

    public static AwsServiceException Missing(string member) =>
        InvalidRequest($"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");

    public static AwsServiceException InvalidOutputLocation() => InvalidRequest(
        "The S3 location provided to save your query results is invalid. Please check your S3 location is correct and is in the same region and try again. If you continue to see the issue, contact customer support for further assistance.");

    public static void WorkGroupName(string? name, string member)
    {
        if (name is null)
        {
            throw Missing(member);
        }

        if (!WorkGroupNamePattern().IsMatch(name))
        {
            throw Validation(member, name, "Member must satisfy regular expression pattern: [a-zA-Z0-9._-]{1,128}");
        }
    }

    public static void Configuration(long? cutoff, string? outputLocation, string member)
    {
        if (cutoff is < 10_000_000)
        {
            throw Validation($"{member}.bytesScannedCutoffPerQuery", cutoff, "Member must have value greater than or equal to 10000000");
        }

        if (outputLocation is not null && S3Location.TryParse(outputLocation) is null)
        {
            throw InvalidOutputLocation();
        }
    }

    public static void Description(string? description)
    {
        if (description is { Length: > 1024 })
        {
            throw Validation("description", description[..32] + "...", "Member must have length less than or equal to 1024");
        }
    }

    public static void MaxResults(int? maxResults, int min, int max)
    {
        if (maxResults < min || maxResults > max)
        {
            throw Validation("maxResults", maxResults, $"Member must have value less than or equal to {max}");
        }
    }

    /// <summary>A value of a model enum, which the shapes keep as a string: null or one of <paramref name="values"/>.</summary>
    public static void OneOf(string? value, string member, IReadOnlyList<string> values)
    {
        if (value is not null && !values.Contains(value))
        {
            throw Validation(member, value, $"Member must satisfy enum value set: [{string.Join(", ", values)}]");
        }
    }

    /// <summary>A next token for <paramref name="value"/>, valid only where <paramref name="scope"/> is expected.</summary>
    public static string Encode(string scope, string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{scope}\n{value}"));

    public static string Decode(string token, string scope)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            if (newline > 0 && text[..newline] == scope)
            {
                return text[(newline + 1)..];
            }
        }
        catch (FormatException)
        {
        }

        throw InvalidRequest("The NextToken is invalid.");
    }

    [GeneratedRegex("^[a-zA-Z0-9._-]{1,128}$")]
    private static partial Regex WorkGroupNamePattern();
}
