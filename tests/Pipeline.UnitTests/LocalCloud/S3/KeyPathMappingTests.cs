using System.Text;
using Pipeline.LocalCloud.Storage;
using Pipeline.UnitTests.LocalCloud.S3.Fakes;

namespace Pipeline.UnitTests.LocalCloud.S3;

/// <summary>
/// Every key maps to a file strictly inside the objects root, with names the file system accepts, and distinct keys
/// never share a file, whatever the key holds.
/// </summary>
public sealed class KeyPathMappingTests
{
    private static readonly ObjectPathMapper Mapper = new("/data/s3/objects", caseSensitive: true);

    public static TheoryData<string> Keys() => new(HostileKeys.All);

    [Theory]
    [MemberData(nameof(Keys))]
    public void Maps_every_key_inside_the_bucket_folder_with_safe_names(string key)
    {
        var relative = Mapper.RelativeContentPath("bucket", key);
        var full = Mapper.Resolve(relative);

        Assert.StartsWith("/data/s3/objects/bucket/", full, StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath(full), full);
        foreach (var name in relative.Split('/'))
        {
            Assert.NotEqual("", name);
            Assert.NotEqual(".", name);
            Assert.NotEqual("..", name);
            Assert.False(name.StartsWith('.'), name);
            Assert.True(Encoding.UTF8.GetByteCount(name) <= 255, name);
            Assert.All(name, c => Assert.True(c is > ' ' and < '\u007f' or ' ', $"'{c}' in {name}"));
            Assert.DoesNotContain('\\', name);
        }

        Assert.True(relative.Length <= ObjectPathMapper.MaxRelativeLength + 200, relative);
    }

    [Fact]
    public void Maps_distinct_keys_to_distinct_files()
    {
        var paths = HostileKeys.All.Select(k => Mapper.RelativeContentPath("bucket", k)).ToList();

        Assert.Equal(paths.Count, paths.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Keeps_a_key_and_the_keys_below_it_apart()
    {
        var a = Mapper.RelativeContentPath("bucket", "a");
        var ab = Mapper.RelativeContentPath("bucket", "a/b");

        Assert.Equal("bucket/a/@", a);
        Assert.Equal("bucket/a/b/@", ab);
    }

    [Fact]
    public void Mirrors_hive_partitioned_keys_and_keeps_the_extension_on_the_content_file()
    {
        var relative = Mapper.RelativeContentPath("lake", "raw/vehicle_telemetry/year=2026/month=01/day=02/hour=03/pipeline-local-vehicle_telemetry-1-2026-01-02-03-04-05-abc.json.gz");

        Assert.Equal("lake/raw/vehicle_telemetry/year=2026/month=01/day=02/hour=03/pipeline-local-vehicle_telemetry-1-2026-01-02-03-04-05-abc.json.gz/@.json.gz", relative);
        Assert.Equal("/data/s3/objects/lake/raw/vehicle_telemetry/", Mapper.PrefixDirectory("lake", "raw/vehicle_telemetry/") + "/");
    }

    [Theory]
    [InlineData("file", "@")]
    [InlineData("data.gz", "@.gz")]
    [InlineData("data.json.gz", "@.json.gz")]
    [InlineData("part-0.snappy.parquet", "@.snappy.parquet")]
    [InlineData("a.b.c.d", "@.c.d")]
    [InlineData("dir.gz/file", "@")]
    [InlineData("trailing.", "@")]
    [InlineData("odd.ext with space", "@")]
    [InlineData("../../x.sh", "@.sh")]
    public void Names_the_content_file_after_the_last_segments_extensions(string key, string expected) =>
        Assert.Equal(expected, ObjectPathMapper.ContentFileName(key));

    [Fact]
    public void Encodes_what_could_be_read_as_a_path_or_a_glob()
    {
        Assert.Equal("%2E.", Mapper.EncodeSegment(".."));
        Assert.Equal("%2E", Mapper.EncodeSegment("."));
        Assert.Equal("%%empty", Mapper.EncodeSegment(""));
        Assert.Equal("%252e%252e", Mapper.EncodeSegment("%2e%2e"));
        Assert.Equal("a%5Cb", Mapper.EncodeSegment("a\\b"));
        Assert.Equal("%00", Mapper.EncodeSegment("\0"));
        Assert.Equal("%40x", Mapper.EncodeSegment("@x"));
        Assert.Equal("%2A%3F%5B%5D", Mapper.EncodeSegment("*?[]"));
        Assert.Equal("year=2026", Mapper.EncodeSegment("year=2026"));
        Assert.StartsWith("%%h-", Mapper.EncodeSegment(new string('x', 201)), StringComparison.Ordinal);
    }

    [Fact]
    public void Encodes_capitals_on_a_case_insensitive_file_system()
    {
        var insensitive = new ObjectPathMapper("/data/s3/objects", caseSensitive: false);

        Assert.NotEqual(insensitive.RelativeContentPath("b", "Data/x").ToLowerInvariant(), insensitive.RelativeContentPath("b", "data/x").ToLowerInvariant());
    }

    [Fact]
    public void Refuses_to_resolve_anything_outside_the_root()
    {
        Assert.Throws<InvalidOperationException>(() => Mapper.Resolve("../outside"));
        Assert.Throws<InvalidOperationException>(() => Mapper.Resolve("bucket/../../outside"));
        Assert.Throws<InvalidOperationException>(() => Mapper.Resolve("/etc/passwd"));
        Assert.Throws<InvalidOperationException>(() => Mapper.Resolve("bucket/\0"));
    }
}
