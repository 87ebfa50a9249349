using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Firehose.Api;

/// <summary>The errors Firehose answers, with AWS's codes and the wording AWS uses where it is known.</summary>
internal static class FirehoseErrors
{
    public static AwsServiceException InvalidArgument(string message) => new("InvalidArgumentException", message);

    public static AwsServiceException StreamNotFound(string name, string accountId) =>
        new("ResourceNotFoundException", $"Firehose {name} under account {accountId} not found.");

    public static AwsServiceException StreamInUse(string name, string accountId) =>
        new("ResourceInUseException", $"Firehose {name} under accountId {accountId} already exists");

    public static AwsServiceException ServiceUnavailable(string message) => new("ServiceUnavailableException", message, 503);
}

/// <summary>
/// Collects model-constraint violations and reports them as AWS's request validation does, before the service
/// looks at the request: <c>ValidationException</c>, "2 validation errors detected: Value 'x' at 'path' failed to
/// satisfy constraint: Member must …; …". Paths use the member names with a lower-case first letter and 1-based
/// list positions (<c>records.3.member.data</c>).
/// </summary>
internal sealed class ValidationErrors
{
    public const string Code = "ValidationException";

    private readonly List<string> _errors = [];

    public bool Any => _errors.Count > 0;

    public static string Blob(int length) => $"java.nio.HeapByteBuffer[pos=0 lim={length} cap={length}]";

    public void Required(object? value, string path)
    {
        if (value is null)
        {
            _errors.Add($"Value null at '{path}' failed to satisfy constraint: Member must not be null");
        }
    }

    public void Length(string? value, string path, int min, int max)
    {
        if (value is not null)
        {
            CheckLength(value, value.Length, path, min, max);
        }
    }

    public void CheckLength(string renderedValue, long length, string path, long min, long max)
    {
        if (length > max)
        {
            _errors.Add(Violation(renderedValue, path, $"Member must have length less than or equal to {max.ToString(CultureInfo.InvariantCulture)}"));
        }
        else if (length < min)
        {
            _errors.Add(Violation(renderedValue, path, $"Member must have length greater than or equal to {min.ToString(CultureInfo.InvariantCulture)}"));
        }
    }

    /// <summary>A string member's length, then its pattern, as AWS reports them.</summary>
    public void String(string? value, string path, int min, int max, Regex regex, string pattern)
    {
        Length(value, path, min, max);
        Pattern(value, path, regex, pattern);
    }

    public void Pattern(string? value, string path, Regex regex, string pattern)
    {
        if (value is not null && !regex.IsMatch(value))
        {
            _errors.Add(Violation(value, path, $"Member must satisfy regular expression pattern: {pattern}"));
        }
    }

    public void Range(long? value, string path, long min, long max)
    {
        if (value is not { } number)
        {
            return;
        }

        var rendered = number.ToString(CultureInfo.InvariantCulture);
        if (number > max)
        {
            _errors.Add(Violation(rendered, path, $"Member must have value less than or equal to {max.ToString(CultureInfo.InvariantCulture)}"));
        }
        else if (number < min)
        {
            _errors.Add(Violation(rendered, path, $"Member must have value greater than or equal to {min.ToString(CultureInfo.InvariantCulture)}"));
        }
    }

    public void OneOf(string? value, string path, IReadOnlyList<string> allowed)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            _errors.Add(Violation(value, path, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]"));
        }
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new AwsServiceException(
                Code,
                $"{_errors.Count} validation error{(_errors.Count == 1 ? string.Empty : "s")} detected: {string.Join("; ", _errors)}");
        }
    }

    private static string Violation(string value, string path, string constraint) =>
        $"Value '{value}' at '{path}' failed to satisfy constraint: {constraint}";
}
