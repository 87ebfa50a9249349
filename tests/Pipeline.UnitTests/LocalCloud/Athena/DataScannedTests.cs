namespace Pipeline.UnitTests.LocalCloud.Athena;

/// <summary>
/// DataScannedInBytes follows Athena's model: JSON files are read whole, Parquet only in the column chunks the query
/// references plus footers, and only the partitions the WHERE clause keeps.
/// </summary>
public sealed class DataScannedTests : IAsyncLifetime
{
    private AthenaHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AthenaHarness.CreateAsync();

    public Task DisposeAsync()
    {
        _harness.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Column_selective_query_on_parquet_scans_at_most_a_tenth_of_the_same_query_on_json()
    {
        const string query = "SELECT vehicle_status.speed_kmh, count(*) FROM {0} WHERE month = '01' AND day = '02' GROUP BY 1";

        var json = await _harness.RunAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, query, "events_json"));
        var parquet = await _harness.RunAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, query, "events_parquet"));

        Assert.Equal(_harness.SizeOf("json", "01", "02"), json.DataScannedInBytes);
        Assert.InRange(parquet.DataScannedInBytes, 1, json.DataScannedInBytes / 10);
        Assert.Equal(json.Rows.Count, parquet.Rows.Count);
    }

    [Fact]
    public async Task Json_scans_every_byte_of_every_kept_file()
    {
        var all = await _harness.RunAsync("SELECT vin FROM events_json");

        var expected = AthenaHarness.PartitionValues.Sum(p => _harness.SizeOf("json", p.Month, p.Day));
        Assert.Equal(expected, all.DataScannedInBytes);
    }

    [Theory]
    [InlineData("month = '01'", "01/01,01/02")]
    [InlineData("month IN ('02') AND day <> '01'", "02/02")]
    [InlineData("day BETWEEN '02' AND '09'", "01/02,02/02")]
    [InlineData("month > '01' OR day = '01'", "01/01,02/01,02/02")]
    [InlineData("t.month = '02' AND vendor = 'acme'", "02/01,02/02")]
    public async Task Partition_predicates_prune_the_files_read(string predicate, string kept)
    {
        var outcome = await _harness.RunAsync($"SELECT count(*) FROM tele.events_json t WHERE {predicate}");

        var expected = kept.Split(',').Select(p => p.Split('/')).Sum(p => _harness.SizeOf("json", p[0], p[1]));
        Assert.Equal(expected, outcome.DataScannedInBytes);
    }

    [Fact]
    public async Task Pruned_query_scans_less_and_returns_only_the_kept_rows()
    {
        var everything = await _harness.RunAsync("SELECT count(*) FROM events_parquet");
        var pruned = await _harness.RunAsync("SELECT count(*) FROM events_parquet WHERE month = '02' AND day = '01'");

        Assert.True(pruned.DataScannedInBytes < everything.DataScannedInBytes);
        Assert.Equal(4 * long.Parse(pruned.Rows[0][0]!, System.Globalization.CultureInfo.InvariantCulture), long.Parse(everything.Rows[0][0]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Parquet_struct_field_counts_only_its_leaf_column()
    {
        var field = await _harness.RunAsync("SELECT max(vehicle_status.speed_kmh) FROM events_parquet");
        var wholeStruct = await _harness.RunAsync("SELECT max(vehicle_status) FROM events_parquet");
        var star = await _harness.RunAsync("SELECT * FROM events_parquet LIMIT 1");

        Assert.True(field.DataScannedInBytes < wholeStruct.DataScannedInBytes);
        Assert.True(wholeStruct.DataScannedInBytes < star.DataScannedInBytes);
    }

    [Fact]
    public async Task Count_star_on_parquet_reads_footers_only()
    {
        var countStar = await _harness.RunAsync("SELECT count(*) FROM events_parquet WHERE month = '01' AND day = '01'");
        var oneColumn = await _harness.RunAsync("SELECT count(vin) FROM events_parquet WHERE month = '01' AND day = '01'");

        Assert.InRange(countStar.DataScannedInBytes, 1, oneColumn.DataScannedInBytes - 1);
    }

    [Fact]
    public async Task Query_over_the_cutoff_fails_with_athenas_message()
    {
        var error = await Assert.ThrowsAsync<Pipeline.LocalCloud.Athena.Sql.AthenaQueryException>(
            () => _harness.RunAsync("SELECT count(*) FROM events_json", cutoff: _harness.SizeOf("json", "01", "01")));

        Assert.Equal("Query cancelled! : Bytes scanned limit was exceeded", error.Message);
        Assert.Equal(2, error.ErrorCategory);
    }
}
