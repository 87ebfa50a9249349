using Pipeline.Aws.Athena;
using Pipeline.AwsShapes.Athena;
using Pipeline.Explorer.Athena;

namespace Pipeline.UnitTests.Explorer;

/// <summary>Athena's price for a scan: $5 per TB, rounded up to the megabyte, at least 10 MB, failed queries free.</summary>
public sealed class AthenaPriceCountsTheTenMegabyteMinimumTests
{
    [Theory]
    [InlineData(0L, 10L << 20)]
    [InlineData(1L, 10L << 20)]
    [InlineData((10L << 20) - 1, 10L << 20)]
    [InlineData(10L << 20, 10L << 20)]
    [InlineData((10L << 20) + 1, 11L << 20)]
    [InlineData((200L << 20) + 5, 201L << 20)]
    public void Billed_bytes_round_up_to_a_megabyte_with_ten_megabytes_at_least(long scanned, long billed) =>
        Assert.Equal(billed, AthenaPrice.BilledBytes(scanned));

    [Fact]
    public void A_terabyte_costs_five_dollars() => Assert.Equal(5m, AthenaPrice.Dollars(1L << 40));

    [Fact]
    public void A_small_scan_costs_the_ten_megabyte_minimum() =>
        Assert.Equal(AthenaPrice.Dollars(10L << 20), AthenaPrice.Dollars(2_345));

    [Fact]
    public void The_minimum_is_ten_megabytes_at_five_dollars_a_terabyte() =>
        Assert.Equal(10m * 5m / (1024m * 1024m), AthenaPrice.Dollars(1));

    [Theory]
    [InlineData(QueryExecutionStateValues.Failed, 0)]
    [InlineData(QueryExecutionStateValues.Succeeded, 1)]
    [InlineData(QueryExecutionStateValues.Cancelled, 1)]
    public void Failed_queries_are_free_cancelled_ones_pay_their_scan(string state, int charged) =>
        Assert.Equal(charged * AthenaPrice.Dollars(50L << 20), AthenaPrice.Dollars(state, 50L << 20));

    [Fact]
    public void A_negative_scan_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AthenaPrice.BilledBytes(-1));
}
