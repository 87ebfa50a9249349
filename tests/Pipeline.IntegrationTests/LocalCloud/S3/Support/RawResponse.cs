namespace Pipeline.IntegrationTests.LocalCloud.S3.Support;

/// <summary>A response read off the wire: its status and its body as text.</summary>
internal sealed record RawResponse(int Status, string Body);
