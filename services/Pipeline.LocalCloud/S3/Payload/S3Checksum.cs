using System.Security.Cryptography;

namespace Pipeline.LocalCloud.S3.Payload;

/// <summary>One of S3's flexible checksums (<c>x-amz-checksum-&lt;algorithm&gt;</c>), computed over a payload.</summary>
internal sealed class S3Checksum : IDisposable
{
    private readonly ReflectedCrc? _crc;
    private readonly IncrementalHash? _hash;

    private S3Checksum(string algorithm, ReflectedCrc? crc, IncrementalHash? hash)
    {
        Algorithm = algorithm;
        _crc = crc;
        _hash = hash;
    }

    /// <summary>Lower-case algorithm name: <c>crc32</c>, <c>crc32c</c>, <c>crc64nvme</c>, <c>sha1</c>, <c>sha256</c>.</summary>
    public string Algorithm { get; }

    public string HeaderName => HeaderPrefix + Algorithm;

    public const string HeaderPrefix = "x-amz-checksum-";

    /// <summary>The checksum for <paramref name="algorithm"/> (any case); null for one LocalCloud does not compute.</summary>
    public static S3Checksum? Create(string algorithm) => algorithm.ToLowerInvariant() switch
    {
        "crc32" => new S3Checksum("crc32", ReflectedCrc.Crc32(), null),
        "crc32c" => new S3Checksum("crc32c", ReflectedCrc.Crc32C(), null),
        "crc64nvme" => new S3Checksum("crc64nvme", ReflectedCrc.Crc64Nvme(), null),
        "sha1" => new S3Checksum("sha1", null, IncrementalHash.CreateHash(HashAlgorithmName.SHA1)),
        "sha256" => new S3Checksum("sha256", null, IncrementalHash.CreateHash(HashAlgorithmName.SHA256)),
        _ => null,
    };

    public void Append(ReadOnlySpan<byte> data)
    {
        _crc?.Append(data);
        _hash?.AppendData(data);
    }

    /// <summary>The checksum so far, base64 as the header carries it.</summary>
    public string ToBase64() => Convert.ToBase64String(_crc is not null ? _crc.GetCurrentHash() : _hash!.GetCurrentHash());

    public void Dispose() => _hash?.Dispose();
}
