using System.Text;
using System.Text.Json;

namespace Pipeline.UnitTests.LambdaRuntime.Fakes;

/// <summary>What the runtime posted to the fake Runtime API.</summary>
internal sealed record RecordedPost(PostKind Kind, string? RequestId, byte[] Body, string? ErrorTypeHeader, string? ContentType)
{
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>The error body's <c>errorType</c>; fails the test when the body is not the Lambda error shape.</summary>
    public string ErrorType => ErrorField("errorType");

    public string ErrorMessage => ErrorField("errorMessage");

    public IReadOnlyList<string> StackTrace
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return [.. document.RootElement.GetProperty("stackTrace").EnumerateArray().Select(e => e.GetString()!)];
        }
    }

    private string ErrorField(string name)
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.GetProperty(name).GetString()!;
    }
}
