using Pipeline.LocalGlueJob;

namespace Pipeline.UnitTests.LocalGlueJob;

/// <summary>pipeline_etl.py's arguments are checked as the Spark script checks them: a bad one names itself.</summary>
public sealed class EtlArgumentsTests
{
    private static Dictionary<string, string> Valid() => new()
    {
        ["--dataset"] = "clickstream",
        ["--database"] = "pipeline",
        ["--raw_table"] = "raw_clickstream",
        ["--stage_table"] = "clickstream_stage",
        ["--stage_path"] = "s3://lake/stage/clickstream/",
        ["--partition_keys"] = "vendor, event_date",
        ["--id_field"] = "event_id",
        ["--time_field"] = "event_time",
        ["--output_compression"] = "GZIP",
        ["--run_summary_path"] = "s3://lake/job-runs/",
    };

    [Fact]
    public void Valid_arguments_parse_with_glues_bookmark_default()
    {
        var args = EtlArguments.Parse(Valid());

        Assert.Equal(["vendor", "event_date"], args.PartitionKeys);
        Assert.Equal("gzip", args.OutputCompression);
        Assert.Equal(new S3Uri("lake", "stage/clickstream/"), args.StagePath);
        Assert.Null(args.Partitions);
        Assert.Equal("job-bookmark-disable", args.BookmarkOption);
    }

    [Fact]
    public void Partitions_are_parsed_in_order_without_duplicates()
    {
        var partitions = EtlArguments.ParsePartitions("""["year=2026/month=11/day=22/hour=05", "year=2026/month=11/day=22/hour=04", "year=2026/month=11/day=22/hour=05"]""");

        Assert.Equal(2, partitions.Count);
        Assert.Equal("05", partitions[0]["hour"]);
        Assert.Equal("04", partitions[1]["hour"]);
    }

    [Theory]
    [InlineData("--output_compression", "zstd", "--output_compression")]
    [InlineData("--stage_path", "s3://lake/stage/clickstream", "--stage_path")]
    [InlineData("--partition_keys", "vendor,vendor", "repeats")]
    [InlineData("--partitions", "year=2026", "--partitions")]
    [InlineData("--partitions", "[\"year\"]", "not a partition path")]
    [InlineData("--job-bookmark-option", "job-bookmark-maybe", "--job-bookmark-option")]
    [InlineData("--dataset", "", "missing job arguments: --dataset")]
    public void A_bad_argument_is_named(string name, string value, string message)
    {
        var arguments = Valid();
        arguments[name] = value;

        var error = Assert.Throws<FormatException>(() => EtlArguments.Parse(arguments));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
