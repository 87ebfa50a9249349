using Pipeline.LocalCloud.Glue.Crawlers.Crawling;

namespace Pipeline.UnitTests.LocalCloud.Glue.Crawls;

/// <summary>Partitions from the folders below a target: Hive keys, partition_N for plain folders, hidden and excluded objects skipped.</summary>
public sealed class PartitionDiscoveryTests
{
    private static CrawlObject Object(string relativeKey) => new("lake", "raw/clicks/" + relativeKey, relativeKey, 10, "\"e\"");

    [Fact]
    public void Hive_folders_are_keys_in_folder_order_and_their_values_partitions()
    {
        var layout = PartitionLayout.Discover(
        [
            Object("year=2026/month=01/a.json.gz"),
            Object("year=2026/month=01/b.json.gz"),
            Object("year=2026/month=02/c.json.gz"),
        ]);

        Assert.Equal(["year", "month"], layout.Keys);
        Assert.Equal([["2026", "01"], ["2026", "02"]], layout.Partitions.Select(p => p.Values.ToArray()));
        Assert.Equal("year=2026/month=01/", layout.Partitions[0].Folder);
        Assert.Equal(2, layout.Partitions[0].Objects.Count);
    }

    [Fact]
    public void Folders_without_equals_are_partition_N_with_the_folder_as_value()
    {
        var layout = PartitionLayout.Discover([Object("2026/01/a.json"), Object("2026/02/b.json")]);

        Assert.Equal(["partition_0", "partition_1"], layout.Keys);
        Assert.Equal([["2026", "01"], ["2026", "02"]], layout.Partitions.Select(p => p.Values.ToArray()));
    }

    [Fact]
    public void A_level_mixing_keys_is_named_by_position()
    {
        var layout = PartitionLayout.Discover([Object("year=2026/hour=01/a.json"), Object("year=2026/05/b.json")]);

        Assert.Equal(["year", "partition_1"], layout.Keys);
        Assert.Equal([["2026", "05"], ["2026", "hour=01"]], layout.Partitions.Select(p => p.Values.ToArray()));
    }

    [Fact]
    public void Objects_at_the_target_root_make_an_unpartitioned_table()
    {
        var layout = PartitionLayout.Discover([Object("a.json"), Object("year=2026/b.json")]);

        Assert.Empty(layout.Keys);
        Assert.Equal(2, Assert.Single(layout.Partitions).Objects.Count);
    }

    [Theory]
    [InlineData("year=2026/a.json.gz", 10, true)]
    [InlineData("year=2026/empty.json", 0, false)]
    [InlineData("year=2026/_SUCCESS", 10, false)]
    [InlineData("year=2026/.hidden.json", 10, false)]
    [InlineData("_temporary/year=2026/a.json", 10, false)]
    [InlineData("year=2026/", 0, false)]
    [InlineData("year=2026/tmp/a.json", 10, false)]
    [InlineData("year=2026/a.csv", 10, false)]
    public void Empty_hidden_and_excluded_objects_are_skipped(string relativeKey, long size, bool crawled)
    {
        var exclusions = new[] { new ExclusionGlob("**/tmp/**"), new ExclusionGlob("**.csv") };

        Assert.Equal(crawled, CrawlEngine.IsCrawled(relativeKey, size, exclusions));
    }

    [Theory]
    [InlineData("*.json", "a.json", true)]
    [InlineData("*.json", "year=2026/a.json", false)]
    [InlineData("**.json", "year=2026/a.json", true)]
    [InlineData("year=2025/**", "year=2025/month=01/a.json", true)]
    [InlineData("year=2025", "year=2025/month=01/a.json", true)]
    [InlineData("year=202?/month=0[12]/*", "year=2026/month=02/a.json", true)]
    [InlineData("year=202?/month=0[12]/*", "year=2026/month=03/a.json", false)]
    [InlineData("**/*.{csv,txt}", "x/y/a.txt", true)]
    [InlineData("**/*.{csv,txt}", "x/y/a.json", false)]
    public void Exclusions_are_globs_relative_to_the_target(string pattern, string relativeKey, bool excluded)
    {
        Assert.Equal(excluded, new ExclusionGlob(pattern).Excludes(relativeKey));
    }
}
