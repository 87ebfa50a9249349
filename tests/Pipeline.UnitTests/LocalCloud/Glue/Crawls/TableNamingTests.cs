using Pipeline.LocalCloud.Glue.Crawlers.Crawling;

namespace Pipeline.UnitTests.LocalCloud.Glue.Crawls;

/// <summary>A target's table: the prefix and the target's last folder, lower-cased, other characters as '_'.</summary>
public sealed class TableNamingTests
{
    [Theory]
    [InlineData("s3://lake/raw/clickstream/", "raw_", "raw_clickstream")]
    [InlineData("s3://lake/raw/clickstream", "raw_", "raw_clickstream")]
    [InlineData("s3://lake/raw/Vehicle-Telemetry.v2/", null, "vehicle_telemetry_v2")]
    [InlineData("s3://Lake/", "Raw-", "raw_lake")]
    public void The_table_is_named_after_the_last_folder(string path, string? prefix, string table)
    {
        Assert.Equal(table, TableNaming.For(S3Location.Parse(path), prefix));
    }

    [Theory]
    [InlineData("lake/raw/")]
    [InlineData("s3://")]
    [InlineData("s3:///raw/")]
    public void A_path_that_is_not_s3_is_a_crawl_error(string path)
    {
        Assert.Throws<CrawlException>(() => S3Location.Parse(path));
    }
}
