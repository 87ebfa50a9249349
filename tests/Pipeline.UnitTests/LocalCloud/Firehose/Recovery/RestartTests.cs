using Pipeline.LocalCloud.Hosting;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Recovery;

/// <summary>Streams are kept in config.json and come back after a restart; one that cannot be read is kept, not overwritten.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly FirehoseTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Streams_come_back_with_their_settings_and_accept_records()
    {
        await _bed.CreateAsync("s", Destination(prefix: "p/!{timestamp:yyyy}/", compression: "GZIP", sizeInMBs: 2, intervalInSeconds: 7));

        await _bed.RestartAsync();
        await _bed.PutAsync("s", "after");
        await _bed.Service.FlushAsync("s");

        var stream = _bed.Service.Get("s");
        Assert.Equal(("p/!{timestamp:yyyy}/", 2L * 1024 * 1024, TimeSpan.FromSeconds(7)), (stream.Settings.Prefixes.Prefix.Text, stream.Settings.BufferSizeBytes, stream.Settings.BufferInterval));
        Assert.Equal("arn:aws:firehose:us-east-1:000000000000:deliverystream/s", stream.Stored.Arn);
        Assert.EndsWith(".gz", Assert.Single(_bed.Store.Objects).Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_config_is_the_remains_of_an_unfinished_create_or_delete_and_is_cleared()
    {
        var remains = Path.Combine(_bed.DataDirectory, "firehose", "half");
        Directory.CreateDirectory(Path.Combine(remains, "log"));

        await _bed.RestartAsync();
        Assert.Empty(_bed.Service.List(10, null).Names);

        Assert.False(Directory.Exists(remains));
    }

    [Fact]
    public async Task A_stream_that_cannot_be_loaded_is_not_served_and_its_name_is_not_reused()
    {
        await _bed.CreateAsync("s", Destination());
        await _bed.PutAsync("s", "kept");
        var config = Path.Combine(_bed.DataDirectory, "firehose", "s", "config.json");
        await File.WriteAllTextAsync(config, "{ not json");

        await _bed.RestartAsync();
        var describe = Assert.Throws<AwsServiceException>(() => _bed.Service.Get("s"));
        var create = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.CreateAsync("s", Destination()));

        Assert.Equal("ResourceNotFoundException", describe.Code);
        Assert.Equal("ResourceInUseException", create.Code);
        Assert.Single(Directory.GetFiles(Path.Combine(_bed.DataDirectory, "firehose", "s", "log"), "*.seg"));
    }
}
