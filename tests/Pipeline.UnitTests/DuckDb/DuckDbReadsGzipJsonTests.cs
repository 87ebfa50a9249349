using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>
/// The built-in json extension reads gzip NDJSON with nested objects and arrays offline, the way the crawler
/// and the Glue job read Firehose's raw objects.
/// </summary>
public sealed class DuckDbReadsGzipJsonTests : IDisposable
{
    private readonly DuckDbScratchFolder _folder = new();
    private readonly DuckDBConnection _connection = DuckDbConnections.OpenInMemory();
    private readonly string _file;
    private readonly List<(string Vendor, double Speed, string[] Codes)> _records = [];

    public DuckDbReadsGzipJsonTests()
    {
        _file = _folder.File("raw", "part-0001.json.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);

        var vendors = new[] { "volvo", "scania", "man" };
        using var gzip = new GZipStream(File.Create(_file), CompressionLevel.Fastest);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
        for (var i = 0; i < 300; i++)
        {
            var record = (Vendor: vendors[i % 3], Speed: (i % 50) + 0.5, Codes: i % 4 == 0 ? new[] { "P0100", "P0200" } : []);
            _records.Add(record);
            writer.WriteLine(new JsonObject
            {
                ["event_id"] = $"e-{i:D4}",
                ["vendor"] = record.Vendor,
                ["event_time"] = new DateTime(2024, 3, 14, 9, 0, 0, DateTimeKind.Utc).AddMinutes(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["vehicle_status"] = new JsonObject
                {
                    ["speed_kmh"] = record.Speed,
                    ["error_codes"] = new JsonArray([.. record.Codes.Select(c => (JsonNode)c)]),
                },
                ["gps_info"] = new JsonObject { ["latitude"] = 57.7, ["longitude"] = 11.9 },
            }.ToJsonString());
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Nested_fields_group_and_sum_like_the_source_records()
    {
        using var result = _connection.Query(
            "SELECT vendor, sum(vehicle_status.speed_kmh) AS speed, count(*) AS n FROM read_json(?) GROUP BY vendor ORDER BY vendor",
            _file);

        var expected = _records.GroupBy(r => r.Vendor).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var group in expected)
        {
            Assert.True(result.Read());
            Assert.Equal(group.Key, result.GetString(0));
            Assert.Equal(group.Sum(r => r.Speed), result.GetDouble(1), 9);
            Assert.Equal(group.Count(), result.GetInt64(2));
        }

        Assert.False(result.Read());
    }

    [Fact]
    public void Schema_inference_sees_structs_lists_and_timestamps()
    {
        using var result = _connection.Query("DESCRIBE SELECT * FROM read_json(?)", _file);
        var columns = new Dictionary<string, string>();
        while (result.Read())
        {
            columns[result.GetString(result.GetOrdinal("column_name"))] = result.GetString(result.GetOrdinal("column_type"));
        }

        Assert.Equal("VARCHAR", columns["vendor"]);
        Assert.Equal("TIMESTAMP", columns["event_time"]);
        Assert.Equal("STRUCT(speed_kmh DOUBLE, error_codes VARCHAR[])", columns["vehicle_status"]);
        Assert.Equal("STRUCT(latitude DOUBLE, longitude DOUBLE)", columns["gps_info"]);
    }

    [Fact]
    public void Arrays_unnest_into_rows()
    {
        var codes = _connection.ExecuteScalar<long>(
            "SELECT count(*) FROM (SELECT unnest(vehicle_status.error_codes) AS code FROM read_json(?)) WHERE code = 'P0200'",
            _file);

        Assert.Equal(_records.Count(r => r.Codes.Contains("P0200")), codes);
    }

    [Fact]
    public void A_glob_reads_every_file_of_a_prefix()
    {
        File.Copy(_file, _folder.File("raw", "part-0002.json.gz"));

        var count = _connection.ExecuteScalar<long>("SELECT count(*) FROM read_json(?)", _folder.File("raw", "*.json.gz"));

        Assert.Equal(2 * _records.Count, count);
    }
}
