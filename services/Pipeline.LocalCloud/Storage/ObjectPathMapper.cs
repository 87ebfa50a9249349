using System.Security.Cryptography;
using System.Text;

namespace Pipeline.LocalCloud.Storage;

/// <summary>
/// Maps bucket names and object keys to files under the objects root, mirroring the key's <c>/</c>-separated segments
/// as directories so that engines can glob a prefix (with hive partitioning) straight off the disk.
/// </summary>
/// <remarks>
/// <para>An object's bytes live at <c>&lt;root&gt;/&lt;bucket&gt;/&lt;seg1&gt;/…/&lt;segN&gt;/@&lt;ext&gt;</c>: every segment of
/// the key, including the last, is a directory, and the content file inside it is <c>@</c> followed by the last
/// segment's extension(s) (<c>@.gz</c>, <c>@.json.gz</c>, <c>@.parquet</c>, or just <c>@</c>). Keys <c>a</c> and
/// <c>a/b</c> therefore coexist (<c>a/@</c> and <c>a/b/@</c>).</para>
/// <para>Segments keep the characters that are safe and meaningful to globbing and hive partitioning
/// (<c>A–Z a–z 0–9 - _ . = + , ~ ! ( )</c> and space) and percent-encode every other UTF-8 byte as <c>%XX</c> (upper-case
/// hex), including <c>%</c>, <c>@</c>, <c>/</c>, <c>\</c>, glob characters, control characters and all non-ASCII. A leading
/// dot is encoded too, so no segment is <c>.</c>, <c>..</c> or hidden. No encoded segment starts with <c>@</c>, which is
/// what keeps content files and key directories apart. Names starting with <c>%%</c> never come out of percent-encoding
/// and are reserved: <c>%%empty</c> for an empty segment (<c>a//b</c>, a leading or trailing <c>/</c>), <c>%%h-&lt;sha256&gt;</c>
/// for a segment longer than <see cref="MaxSegmentLength"/> once encoded, and <c>%%long/&lt;sha256&gt;</c> for a whole key
/// whose encoding exceeds <see cref="MaxRelativeLength"/>. The mapping is lossy for those (the true key lives in the
/// catalog) but stays unique. On a case-insensitive file system upper-case letters are percent-encoded as well.</para>
/// </remarks>
internal sealed class ObjectPathMapper
{
    /// <summary>Longest encoded segment kept readable; NAME_MAX is 255 bytes and the hash form is 68.</summary>
    public const int MaxSegmentLength = 200;

    /// <summary>Longest encoded key kept readable, well inside PATH_MAX (4096) with a deep data directory.</summary>
    public const int MaxRelativeLength = 2048;

    /// <summary>The first character of every content file name and of no key directory.</summary>
    public const char ContentFileMarker = '@';

    private const string EmptySegment = "%%empty";
    private const string HashedSegmentPrefix = "%%h-";
    private const string LongKeyDirectory = "%%long";
    private const int MaxExtensionPartLength = 16;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _rootWithSeparator;

    public ObjectPathMapper(string objectsRoot, bool caseSensitive)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(objectsRoot));
        _rootWithSeparator = Root + Path.DirectorySeparatorChar;
        CaseSensitive = caseSensitive;
    }

    /// <summary>The objects root, absolute and without a trailing separator.</summary>
    public string Root { get; }

    public bool CaseSensitive { get; }

    /// <summary>The directory of a bucket.</summary>
    public string BucketDirectory(string bucket) => Resolve(EncodeSegment(bucket));

    /// <summary>
    /// The content file of <paramref name="key"/>, relative to <see cref="Root"/>, with <c>/</c> separators:
    /// <c>&lt;bucket&gt;/&lt;seg1&gt;/…/&lt;segN&gt;/@&lt;ext&gt;</c>.
    /// </summary>
    public string RelativeContentPath(string bucket, string key)
    {
        var builder = new StringBuilder(EncodeSegment(bucket));
        var keyPart = new StringBuilder(key.Length + 16);
        foreach (var segment in key.Split('/'))
        {
            keyPart.Append('/').Append(EncodeSegment(segment));
        }

        if (keyPart.Length > MaxRelativeLength)
        {
            keyPart.Clear().Append('/').Append(LongKeyDirectory).Append('/').Append(Hash(key));
        }

        builder.Append(keyPart).Append('/').Append(ContentFileName(key));
        return builder.ToString();
    }

    /// <summary>
    /// The directory holding every object whose key starts with <paramref name="prefix"/>, when the prefix ends at a
    /// segment boundary (empty, or ending in <c>/</c>); null otherwise. Keys mapped under <c>%%long</c> are not in it.
    /// </summary>
    public string? PrefixDirectory(string bucket, string prefix)
    {
        if (prefix.Length > 0 && !prefix.EndsWith('/'))
        {
            return null;
        }

        var relative = new StringBuilder(EncodeSegment(bucket));
        if (prefix.Length > 0)
        {
            foreach (var segment in prefix[..^1].Split('/'))
            {
                relative.Append('/').Append(EncodeSegment(segment));
            }
        }

        return Resolve(relative.ToString());
    }

    /// <summary>
    /// The absolute path of <paramref name="relative"/>; throws when it would leave the objects root, the last guard
    /// should the encoding ever let something through.
    /// </summary>
    public string Resolve(string relative)
    {
        if (relative.Length == 0 || relative.Contains('\0', StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new InvalidOperationException("An object path escaped the objects root.");
        }

        var full = Path.GetFullPath(Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(_rootWithSeparator, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("An object path escaped the objects root.");
        }

        return full;
    }

    /// <summary>One key segment (or a bucket name) as a safe, unique directory name.</summary>
    public string EncodeSegment(string segment)
    {
        if (segment.Length == 0)
        {
            return EmptySegment;
        }

        var bytes = Utf8.GetBytes(segment);
        var encoded = new StringBuilder(bytes.Length + 8);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (IsSafe(b) && !(i == 0 && b == (byte)'.'))
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
            }

            if (encoded.Length > MaxSegmentLength)
            {
                return HashedSegmentPrefix + Hash(segment);
            }
        }

        return encoded.ToString();
    }

    /// <summary>
    /// <c>@</c> plus the last segment's extension, up to two dot-separated parts of letters, digits, <c>-</c> and
    /// <c>_</c> (<c>data.json.gz</c> → <c>@.json.gz</c>), so engines still tell the format and compression by name.
    /// </summary>
    public static string ContentFileName(string key)
    {
        var last = key[(key.LastIndexOf('/') + 1)..];
        var start = last.Length;
        for (var parts = 0; parts < 2; parts++)
        {
            var dot = last.LastIndexOf('.', Math.Max(start - 1, 0));
            if (dot < 0 || start - dot - 1 is < 1 or > MaxExtensionPartLength || !IsExtensionPart(last.AsSpan(dot + 1, start - dot - 1)))
            {
                break;
            }

            start = dot;
        }

        return ContentFileMarker + last[start..];
    }

    /// <summary>Whether a directory entry's name is a content file rather than a key directory.</summary>
    public static bool IsContentFileName(string name) => name.Length > 0 && name[0] == ContentFileMarker;

    /// <summary>Whether file names differ by letter case in <paramref name="directory"/> (false on macOS and Windows defaults).</summary>
    public static bool ProbeCaseSensitivity(string directory)
    {
        Directory.CreateDirectory(directory);
        var name = "case-probe-" + Guid.NewGuid().ToString("N");
        var probe = Path.Combine(directory, name);
        File.WriteAllBytes(probe, []);
        try
        {
            return !File.Exists(Path.Combine(directory, name.ToUpperInvariant()));
        }
        finally
        {
            File.Delete(probe);
        }
    }

    private bool IsSafe(byte b) => b switch
    {
        >= (byte)'a' and <= (byte)'z' => true,
        >= (byte)'A' and <= (byte)'Z' => CaseSensitive,
        >= (byte)'0' and <= (byte)'9' => true,
        (byte)'-' or (byte)'_' or (byte)'.' or (byte)'=' or (byte)'+' or (byte)',' or (byte)'~' or (byte)'!' or (byte)'(' or (byte)')' or (byte)' ' => true,
        _ => false,
    };

    private static bool IsExtensionPart(ReadOnlySpan<char> part)
    {
        foreach (var c in part)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Utf8.GetBytes(text)));
}
