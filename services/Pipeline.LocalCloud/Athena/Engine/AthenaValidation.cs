using System.Text;
using System.Text.RegularExpressions;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>Athena's checks of request members, with AWS's messages, and its opaque page tokens.</summary>
internal static partial class AthenaValidation
{
    public static void WorkGroupName(string? name, string member)
    {
        if (name is null)
        {
            throw AthenaErrors.Missing(member);
        }

        if (!WorkGroupNamePattern().IsMatch(name))
        {
            throw AthenaErrors.Validation(member, name, "Member must satisfy regular expression pattern: [a-zA-Z0-9._-]{1,128}");
        }
    }

    public static void Configuration(long? cutoff, string? outputLocation, string member)
    {
        if (cutoff is < 10_000_000)
        {
            throw AthenaErrors.Validation($"{member}.bytesScannedCutoffPerQuery", cutoff, "Member must have value greater than or equal to 10000000");
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
            throw AthenaErrors.Validation("description", description[..32] + "...", "Member must have length less than or equal to 1024");
        }
    }

    public static void MaxResults(int? maxResults, int min, int max)
    {
        if (maxResults < min || maxResults > max)
        {
            throw AthenaErrors.Validation("maxResults", maxResults, $"Member must have value less than or equal to {max}");
        }
    }

    public static AwsServiceException InvalidOutputLocation() => AthenaErrors.InvalidRequest(
        "The S3 location provided to save your query results is invalid. Please check your S3 location is correct and is in the same region and try again. If you continue to see the issue, contact customer support for further assistance.");

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

        throw AthenaErrors.InvalidRequest("The NextToken is invalid.");
    }

    [GeneratedRegex("^[a-zA-Z0-9._-]{1,128}$")]
    private static partial Regex WorkGroupNamePattern();
}
