using System.Buffers.Binary;
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

/// <summary>
/// A table-driven reflected CRC with all-ones init and final XOR: the shape of CRC-32, CRC-32C and CRC-64/NVME, the
/// CRCs S3 checksums use (BCL has no CRC-64/NVME and System.IO.Hashing is not a package this project can restore).
/// </summary>
internal sealed class ReflectedCrc
{
    private static readonly ulong[] Crc32Table = BuildTable(0xEDB88320UL);
    private static readonly ulong[] Crc32CTable = BuildTable(0x82F63B78UL);
    private static readonly ulong[] Crc64NvmeTable = BuildTable(0x9A6C9329AC4BC9B5UL);

    private readonly ulong[] _table;
    private readonly ulong _mask;
    private readonly int _widthBytes;
    private ulong _crc;

    private ReflectedCrc(ulong[] table, int widthBits)
    {
        _table = table;
        _widthBytes = widthBits / 8;
        _mask = widthBits == 64 ? ulong.MaxValue : (1UL << widthBits) - 1;
        _crc = _mask;
    }

    public static ReflectedCrc Crc32() => new(Crc32Table, 32);

    public static ReflectedCrc Crc32C() => new(Crc32CTable, 32);

    public static ReflectedCrc Crc64Nvme() => new(Crc64NvmeTable, 64);

    public void Append(ReadOnlySpan<byte> data)
    {
        var crc = _crc;
        foreach (var b in data)
        {
            crc = _table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        _crc = crc;
    }

    /// <summary>The CRC so far, big-endian, as S3 base64-encodes it.</summary>
    public byte[] GetCurrentHash()
    {
        var value = _crc ^ _mask;
        var bytes = new byte[_widthBytes];
        if (_widthBytes == 8)
        {
            BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)value);
        }

        return bytes;
    }

    private static ulong[] BuildTable(ulong polynomial)
    {
        var table = new ulong[256];
        for (ulong i = 0; i < 256; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ polynomial : crc >> 1;
            }

            table[i] = crc;
        }

        return table;
    }
}
