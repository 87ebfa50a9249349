using Pipeline.Notifier.Notifying;

namespace Pipeline.UnitTests.Functions;

/// <summary>Objects by "bucket/key"; a missing one reads as null, as S3's NoSuchKey does.</summary>
internal sealed class FakeObjectReader : IObjectReader
{
    public Dictionary<string, byte[]> Objects { get; } = new(StringComparer.Ordinal);

    public List<string> Reads { get; } = [];

    public Exception? Error { get; set; }

    public Task<byte[]?> ReadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        Reads.Add($"{bucket}/{key}");
        if (Error is { } error)
        {
            throw error;
        }

        return Task.FromResult(Objects.TryGetValue($"{bucket}/{key}", out var bytes) ? bytes : null);
    }
}
