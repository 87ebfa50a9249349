using System.Net;
using System.Text;
using CsCheck;
using Pipeline.FuzzTests.Support;
using Pipeline.LocalCloud.S3.Notifications;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.FuzzTests.S3Keys;

/// <summary>
/// S3 keys of any valid length (1–1024 UTF-8 bytes) and any Unicode: the object path mapping stays inside the bucket
/// folder with safe names, never maps two keys to one file (also where the file system ignores case), and decodes
/// back where it is not hashed; the event notification key is S3's form encoding and decodes back.
/// </summary>
public sealed class S3KeyEncodingTests
{
    private const string Root = "/data/s3/objects";

    private static readonly ObjectPathMapper CaseSensitive = new(Root, caseSensitive: true);

    private static readonly ObjectPathMapper CaseInsensitive = new(Root, caseSensitive: false);

    /// <summary>Pieces keys are made of: path syntax, reserved names of the mapping, escapes, case, long runs.</summary>
    private static readonly string[] Pieces =
    [
        "/", "/", "//", ".", "..", "./", "../", "%", "%%", "%%empty", "%%h-", "%%long", "%2F", "%41", "@", "@.gz", ".json.gz", "+", " ", "=",
        "\\", "*", "?", "[", "]", "~", "!", "(", ")", ",", "#", "&", "'", "\"", "\t", "\n", "\0", "\u007f", "a", "A", "Z", "z", "0",
        "year=2026", "é", "É", "ß", "İ", "ı", "K", "\u212a", "\u00a0", "\u2028", "\ufeff", "😀", "\U0010FFFF", "中文",
    ];

    public static readonly Gen<string> Keys = Gen.Frequency(
        (6, Gen.Frequency((8, Gen.OneOf(Pieces)), (2, Gens.UnicodeText(1, 8))).Array[1, 40].Select(p => string.Concat(p))),
        (1, Gen.Select(Gen.OneOf(Pieces), Gen.Int[1, 1024], (piece, count) => string.Concat(Enumerable.Repeat(piece, count)))),
        (1, Gens.UnicodeText(1, 400)))
        .Select(Clip)
        .Where(k => k.Length > 0);

    [Fact]
    public void A_key_maps_inside_its_bucket_to_safe_names_and_decodes_back()
    {
        Keys.Sample(key => Bounded.Run(() =>
        {
            foreach (var mapper in new[] { CaseSensitive, CaseInsensitive })
            {
                var relative = mapper.RelativeContentPath("bucket", key);
                var full = mapper.Resolve(relative);
                Assert.StartsWith(Root + "/bucket/", full, StringComparison.Ordinal);
                Assert.Equal(Path.GetFullPath(full), full);

                var names = relative.Split('/');
                foreach (var name in names)
                {
                    Assert.True(name.Length > 0 && name is not "." and not ".." && !name.StartsWith('.'), $"unsafe name '{name}' in {relative}");
                    Assert.True(Encoding.UTF8.GetByteCount(name) <= 255, $"name longer than 255 bytes in {relative}");
                    Assert.All(name, c => Assert.True(c is >= ' ' and < '\u007f' and not '\\', $"'{c}' in {relative}"));
                }

                Assert.True(ObjectPathMapper.IsContentFileName(names[^1]));
                Assert.False(names[1..^1].Any(ObjectPathMapper.IsContentFileName), $"a key folder looks like a content file: {relative}");
                // Not hashed (no %%h- segment, no %%long folder): the folders decode back to the key.
                var folders = names[1..^1];
                if (!folders.Any(n => n.StartsWith("%%h-", StringComparison.Ordinal) || n == "%%long"))
                {
                    Assert.Equal(key, string.Join('/', folders.Select(Decode)));
                }
            }
        }), time: FuzzBudget.Seconds(0.3), threads: 1, print: Show);
    }

    [Fact]
    public void Two_keys_never_share_a_file_even_where_case_is_ignored()
    {
        // A key and a small edit of it: the near misses (case, escapes, empty segments) a random pair never hits.
        var pairs = Keys.SelectMany(key => Mutations.Text(Gen.Const(key), Pieces, maxEdits: 3).Select(Clip).Where(k => k.Length > 0).Select(other => (key, other)));

        pairs.Sample((key, other) =>
        {
            if (key == other)
            {
                return;
            }

            Assert.NotEqual(CaseSensitive.RelativeContentPath("b", key), CaseSensitive.RelativeContentPath("b", other));
            Assert.False(
                string.Equals(CaseInsensitive.RelativeContentPath("b", key), CaseInsensitive.RelativeContentPath("b", other), StringComparison.OrdinalIgnoreCase),
                "two keys share a file on a case-insensitive file system");
        }, time: FuzzBudget.Seconds(0.3), threads: 1, print: t => $"{Show(t.Item1)} / {Show(t.Item2)}");
    }

    [Fact]
    public void The_notification_key_is_form_encoded_as_S3_writes_it()
    {
        Keys.Sample(key =>
        {
            var encoded = S3EventKeyEncoder.Encode(key);

            // S3's rule (Java's URLEncoder with '/' kept): letters, digits and - _ . * stay, space is '+', the rest %XX.
            var expected = WebUtility.UrlEncode(key).Replace("!", "%21", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal)
                .Replace(")", "%29", StringComparison.Ordinal).Replace("%2F", "/", StringComparison.Ordinal);
            Assert.Equal(expected, encoded);
            Assert.Equal(key, WebUtility.UrlDecode(encoded));
            Assert.Equal(key, Uri.UnescapeDataString(encoded.Replace("+", "%20", StringComparison.Ordinal)));
        }, time: FuzzBudget.Seconds(0.15), threads: 1, print: Show);
    }

    [Theory]
    [InlineData("%%empty")]
    [InlineData("a//b")]
    [InlineData("/")]
    [InlineData("../../etc/passwd")]
    [InlineData("@")]
    [InlineData("a/@.gz")]
    [InlineData("K\u212a")]
    public void Keys_near_the_reserved_names_map_apart(string key)
    {
        var path = CaseSensitive.RelativeContentPath("b", key);
        Assert.Equal(key, string.Join('/', path.Split('/')[1..^1].Select(Decode)));
        Assert.Equal(key, WebUtility.UrlDecode(S3EventKeyEncoder.Encode(key)));
    }

    /// <summary>A key within S3's 1024 UTF-8 bytes, cut at a scalar boundary.</summary>
    private static string Clip(string key)
    {
        // Edits can leave lone surrogates, which no UTF-8 key has: enumerating runes turns them into U+FFFD.
        var clipped = new StringBuilder();
        var bytes = 0;
        foreach (var rune in key.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > 1024)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            clipped.Append(rune.ToString());
        }

        return clipped.ToString();
    }

    /// <summary>The inverse of the folder encoding: %%empty is an empty segment, %XX a byte.</summary>
    private static string Decode(string name)
    {
        if (name == "%%empty")
        {
            return "";
        }

        Assert.False(name.StartsWith("%%", StringComparison.Ordinal), $"reserved name {name} in a decodable path");
        var bytes = new List<byte>();
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '%')
            {
                bytes.Add(Convert.ToByte(name.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)name[i]);
            }
        }

        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
    }

    private static string Show(string key) =>
        $"\"{string.Concat(key.Select(c => c is >= ' ' and < '\u007f' ? c.ToString() : $"\\u{(int)c:x4}"))}\" ({Encoding.UTF8.GetByteCount(key)} bytes)";
}
