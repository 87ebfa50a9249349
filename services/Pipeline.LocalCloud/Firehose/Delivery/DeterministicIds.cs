using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.LocalCloud.Firehose.Delivery;

/// <summary>
/// Ids derived from what they name instead of drawn at random, so that redoing a delivery names the same objects:
/// record ids from the stream incarnation and sequence number, object uuids and random-string values from the
/// incarnation, the journal range and the object's place in the delivery.
/// </summary>
internal static class DeterministicIds
{
    /// <summary>A 56-digit record id, the shape AWS's record ids have.</summary>
    public static string RecordId(string incarnation, long sequence)
    {
        var hash = Hash($"record|{incarnation}|{sequence}");
        var prefix = new BigInteger(hash.AsSpan(0, 16), isUnsigned: true) % BigInteger.Pow(10, 36);
        return prefix.ToString("D36", CultureInfo.InvariantCulture) + sequence.ToString("D20", CultureInfo.InvariantCulture);
    }

    /// <summary>The uuid at the end of an object key (8-4-4-4-12 lower-case hex, version 4 layout).</summary>
    public static string ObjectUuid(string incarnation, long first, long last, string objectTag)
    {
        var bytes = Hash($"object|{incarnation}|{first}|{last}|{objectTag}").AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>The value of the <paramref name="index"/>-th <c>!{firehose:random-string}</c> in an object's prefix: 11 hex characters.</summary>
    public static string RandomString(string incarnation, long first, long last, string objectTag, int index) =>
        Convert.ToHexStringLower(Hash($"random|{incarnation}|{first}|{last}|{objectTag}|{index}"))[..Prefixes.PrefixTemplate.RandomStringLength];

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
