using System.Text;
using Pipeline.Contracts.Datasets;

namespace Pipeline.UnitTests.Datasets;

/// <summary>The dataset description loads, finds datasets by stream, and rejects mistakes at load time.</summary>
public sealed class DatasetCatalogTests
{
    [Fact]
    public void The_built_in_description_has_both_datasets()
    {
        var catalog = DatasetCatalog.BuiltIn();

        Assert.Equal(["clickstream", "vehicle_telemetry"], catalog.All.Select(d => d.Name).Order());
        Assert.Equal(["vendor", "event_date"], catalog.Get("vehicle_telemetry").StagePartitionKeys);
        Assert.Equal(FieldType.Double, FieldPath.Resolve(catalog.Get("vehicle_telemetry").Fields, "vehicle_status.speed_kmh")!.Type);
    }

    [Theory]
    [InlineData("pipeline-local-vehicle_telemetry", "vehicle_telemetry")]
    [InlineData("arn:aws:firehose:eu-west-1:000000000000:deliverystream/prod-clickstream", "clickstream")]
    [InlineData("clickstream", "clickstream")]
    public void A_stream_name_ending_with_a_dataset_maps_to_it(string stream, string dataset)
    {
        Assert.True(DatasetCatalog.BuiltIn().TryGetByStream(stream, out var found));
        Assert.Equal(dataset, found.Name);
    }

    [Theory]
    [InlineData("pipeline-local-orders")]
    [InlineData("pipeline-localclickstream")]
    [InlineData("")]
    public void Other_stream_names_map_to_no_dataset(string stream)
    {
        Assert.False(DatasetCatalog.BuiltIn().TryGetByStream(stream, out _));
    }

    [Fact]
    public void The_longest_matching_dataset_name_wins()
    {
        var catalog = Parse("""{"datasets":[{"name":"events","fields":[{"name":"event_id","type":"string","required":true},{"name":"event_time","type":"timestamp","required":true}]},{"name":"click_events","fields":[{"name":"event_id","type":"string","required":true},{"name":"event_time","type":"timestamp","required":true}]}]}""");

        Assert.True(catalog.TryGetByStream("p-click_events", out var found));
        Assert.Equal("click_events", found.Name);
    }

    [Theory]
    [InlineData("""{"datasets":[{"name":"Bad-Name","fields":[]}]}""", "lower-case snake_case")]
    [InlineData("""{"datasets":[{"name":"d","fields":[{"name":"event_time","type":"timestamp","required":true}]}]}""", "id_field 'event_id'")]
    [InlineData("""{"datasets":[{"name":"d","fields":[{"name":"event_id","type":"string","required":true},{"name":"event_time","type":"timestamp","required":true},{"name":"x","type":"string","pattern":"("}]}]}""", "invalid pattern")]
    [InlineData("""{"datasets":[{"name":"d","fields":[{"name":"event_id","type":"string","required":true},{"name":"event_time","type":"timestamp","required":true}],"lambda_partition_keys":[{"name":"k","field":"nope"}]}]}""", "unknown field 'nope'")]
    [InlineData("""{"datasets":[{"name":"d","fields":[{"name":"event_id","type":"string","required":true},{"name":"event_time","type":"timestamp","required":true},{"name":"s","type":"struct"}]}]}""", "struct field 's' has no fields")]
    [InlineData("""{"datasets":[{"name":"d","fields":[{"name":"event_id","type":"string","required":true},{"name":"event_time","type":"timestamp","required":true},{"name":"n","type":"float"}]}]}""", "not valid JSON")]
    public void A_bad_description_is_rejected_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<InvalidDatasetException>(() => Parse(json));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void The_deployment_names_prefixes_and_buffers_per_environment()
    {
        var deployment = DatasetCatalog.BuiltIn().Deployment;

        Assert.Equal("pipeline-local-clickstream", DeploymentDescription.ResourceName(deployment.NamePrefixLocal, "clickstream"));
        Assert.Equal("raw/clickstream/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/", deployment.RawPrefixFor("clickstream"));
        Assert.StartsWith("errors/clickstream/!{firehose:error-output-type}/", deployment.ErrorPrefixFor("clickstream"));
        Assert.True(deployment.Environment("local").BufferIntervalSeconds < deployment.Environment("aws").BufferIntervalSeconds);
        Assert.Throws<KeyNotFoundException>(() => deployment.Environment("staging"));
    }

    [Fact]
    public void An_unknown_dataset_name_lists_the_known_ones()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => DatasetCatalog.BuiltIn().Get("orders"));

        Assert.Contains("clickstream", error.Message);
    }

    private static DatasetCatalog Parse(string json) => DatasetCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)));
}
