using System.Buffers.Binary;

namespace Pipeline.LocalCloud.S3.Payload;

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
