namespace Pipeline.LocalCloud.Firehose.Api;

/// <summary>The wire <c>Record</c>: a blob, base64 in JSON.</summary>
internal sealed record RecordEntry
{
    public byte[]? Data { get; init; }
}
