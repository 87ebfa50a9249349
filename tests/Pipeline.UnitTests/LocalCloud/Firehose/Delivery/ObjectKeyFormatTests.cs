using System.Text.RegularExpressions;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Delivery;

/// <summary>Object keys are the evaluated prefix and &lt;stream&gt;-&lt;version&gt;-yyyy-MM-dd-HH-mm-ss-&lt;uuid&gt;, plus .gz for GZIP.</summary>
public sealed class ObjectKeyFormatTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("UNCOMPRESSED", "")]
    [InlineData("GZIP", ".gz")]
    public async Task Keys_have_Firehose_s_shape(string? compression, string extension)
    {
        await using var bed = new FirehoseTestBed();
        await bed.CreateAsync("clicks", Destination(prefix: "raw/clicks/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/", compression: compression));
        await bed.PutAsync("clicks", "a");

        await bed.Service.FlushAsync("clicks");

        var key = Assert.Single(bed.Store.Objects).Key;
        Assert.Matches($"^{Regex.Escape("raw/clicks/year=2018/month=08/day=27/hour=10/")}clicks-1-\\d{{4}}-\\d{{2}}-\\d{{2}}-\\d{{2}}-\\d{{2}}-\\d{{2}}-[0-9a-f-]{{36}}{Regex.Escape(extension)}$", key);
        Assert.Matches("-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", key);
        Assert.Equal("application/octet-stream", bed.Store.Objects[0].Options.ContentType);
        Assert.Null(bed.Store.Objects[0].Options.ContentEncoding);
    }

    [Fact]
    public async Task The_time_in_prefix_and_key_is_the_oldest_record_s_arrival()
    {
        await using var bed = new FirehoseTestBed();
        await bed.CreateAsync("s", Destination(prefix: "raw/!{timestamp:yyyy/MM/dd/HH/mm/ss}/", sizeInMBs: 1, intervalInSeconds: 900));
        bed.Time.Advance(TimeSpan.FromMinutes(29) + TimeSpan.FromSeconds(59));
        await bed.PutAsync("s", "oldest");
        bed.Time.Advance(TimeSpan.FromMinutes(5));
        await bed.PutAsync("s", "newer");
        bed.Time.Advance(TimeSpan.FromMinutes(20));

        await bed.Service.FlushAsync("s");

        // The oldest record arrived at 10:59:59; the delivery happened at 11:24:59.
        Assert.StartsWith("raw/2018/08/27/10/59/59/s-1-2018-08-27-10-59-59-", Assert.Single(bed.Store.Objects).Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileExtension_replaces_the_default_extension()
    {
        await using var bed = new FirehoseTestBed();
        await bed.CreateAsync("s", Destination(compression: "GZIP", fileExtension: ".json.gz"));
        await bed.PutAsync("s", "a");

        await bed.Service.FlushAsync("s");

        Assert.EndsWith(".json.gz", Assert.Single(bed.Store.Objects).Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_custom_time_zone_applies_to_the_prefix_and_the_key_stays_in_UTC()
    {
        await using var bed = new FirehoseTestBed();
        await bed.CreateAsync("s", Destination(prefix: "raw/!{timestamp:yyyy/MM/dd/HH}/", customTimeZone: "Asia/Tokyo"));
        await bed.PutAsync("s", "a");

        await bed.Service.FlushAsync("s");

        Assert.StartsWith("raw/2018/08/27/19/s-1-2018-08-27-10-30-00-", Assert.Single(bed.Store.Objects).Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_deliveries_get_two_keys()
    {
        await using var bed = new FirehoseTestBed();
        await bed.CreateAsync("s", Destination());
        await bed.PutAsync("s", "a");
        await bed.Service.FlushAsync("s");
        await bed.PutAsync("s", "b");
        await bed.Service.FlushAsync("s");

        Assert.Equal(2, bed.Store.Objects.Select(o => o.Key).Distinct().Count());
    }
}
