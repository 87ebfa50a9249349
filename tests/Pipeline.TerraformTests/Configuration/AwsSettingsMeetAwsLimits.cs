using System.Text.Json.Nodes;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

/// <summary>
/// The aws environment of datasets.json feeds validated module inputs; Terraform would reject values outside AWS's
/// limits only at plan time, so the values are checked here too, including the 64 MiB / 60 s buffering that
/// dynamic partitioning and Parquet conversion need.
/// </summary>
public sealed class AwsSettingsMeetAwsLimits
{
    private static readonly JsonNode Aws =
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("datasets.json")))!["deployment"]!["environments"]!["aws"]!;

    private static double Setting(string name) => Aws[name]!.GetValue<double>();

    [Fact]
    public void FirehoseBufferingAllowsEveryFeature()
    {
        Assert.InRange(Setting("buffer_size_mib"), 64, 128);
        Assert.InRange(Setting("buffer_interval_seconds"), 60, 900);
        Assert.InRange(Setting("processor_buffer_size_mib"), 1, 3);
        Assert.InRange(Setting("processor_buffer_interval_seconds"), 60, 900);
        Assert.Contains(Aws["compression"]!.GetValue<string>(), new[] { "UNCOMPRESSED", "GZIP", "ZIP", "Snappy", "HADOOP_SNAPPY" });
    }

    [Fact]
    public void TheQueueAndItsEventSourceFitSqsAndLambda()
    {
        // The crawler trigger's timeout (orchestration module default, 60 s) may not exceed the visibility timeout.
        Assert.InRange(Setting("queue_visibility_timeout_seconds"), 60, 43200);
        Assert.InRange(Setting("queue_max_receive_count"), 1, 1000);
        Assert.InRange(Setting("crawler_trigger_batch_size"), 1, 10000);
        Assert.InRange(Setting("crawler_trigger_batching_window_seconds"), Setting("crawler_trigger_batch_size") > 10 ? 1 : 0, 300);
    }
}
