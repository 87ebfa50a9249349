using Pipeline.IntegrationTests.LocalCloud.Cli;
namespace Pipeline.IntegrationTests.LocalCloud.Glue;

/// <summary>
/// The AWS CLI against LocalCloud's Glue Data Catalog: a database, a partitioned table and its partitions, read back
/// as the CLI parses them, and still there after LocalCloud restarts over the same data directory.
/// </summary>
public sealed class GlueCliCatalogTests : IClassFixture<LocalCloudFixture>
{
    private const string TableInput = """
        {
          "Name": "Events",
          "TableType": "EXTERNAL_TABLE",
          "Parameters": { "classification": "json" },
          "PartitionKeys": [ { "Name": "year", "Type": "string" }, { "Name": "month", "Type": "string" } ],
          "StorageDescriptor": {
            "Columns": [
              { "Name": "id", "Type": "string", "Comment": "event id" },
              { "Name": "amount", "Type": "double" },
              { "Name": "geo", "Type": "struct<lat:double,lon:double>" }
            ],
            "Location": "s3://lake/events/",
            "InputFormat": "org.apache.hadoop.mapred.TextInputFormat",
            "OutputFormat": "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
            "SerdeInfo": { "SerializationLibrary": "org.openx.data.jsonserde.JsonSerDe" },
            "Compressed": false
          }
        }
        """;

    private readonly LocalCloudFixture _cloud;

    public GlueCliCatalogTests(LocalCloudFixture cloud) => _cloud = cloud;

    [AwsCliFact]
    public async Task A_partitioned_table_is_created_listed_filtered_and_survives_a_restart()
    {
        var cli = _cloud.Cli;
        await Ok(cli.RunAsync("glue", "create-database", "--database-input", """{"Name":"Lake","Description":"the lake"}"""));
        await Ok(cli.RunAsync("glue", "create-table", "--database-name", "lake", "--table-input", cli.File("table.json", TableInput)));
        var partitions = cli.File("partitions.json", """
            [
              {"Values":["2026","01"],"StorageDescriptor":{"Location":"s3://lake/events/year=2026/month=01/"}},
              {"Values":["2026","02"],"StorageDescriptor":{"Location":"s3://lake/events/year=2026/month=02/"}}
            ]
            """);
        var created = await Ok(cli.RunAsync("glue", "batch-create-partition", "--database-name", "lake", "--table-name", "events", "--partition-input-list", partitions));
        var again = await Ok(cli.RunAsync("glue", "batch-create-partition", "--database-name", "lake", "--table-name", "events", "--partition-input-list", partitions));

        Assert.False(created.Json.TryGetProperty("Errors", out var none) && none.GetArrayLength() > 0);
        Assert.All(again.Json.GetProperty("Errors").EnumerateArray(), e => Assert.Equal("AlreadyExistsException", e.GetProperty("ErrorDetail").GetProperty("ErrorCode").GetString()));

        await _cloud.RestartAsync();
        cli = _cloud.Cli;

        var tables = (await Ok(cli.RunAsync("glue", "get-tables", "--database-name", "LAKE"))).Json.GetProperty("TableList");
        var table = Assert.Single(tables.EnumerateArray());
        Assert.Equal("events", table.GetProperty("Name").GetString());
        Assert.Equal("lake", table.GetProperty("DatabaseName").GetString());
        Assert.Equal("struct<lat:double,lon:double>", table.GetProperty("StorageDescriptor").GetProperty("Columns")[2].GetProperty("Type").GetString());
        Assert.Equal("000000000000", table.GetProperty("CatalogId").GetString());
        // CLI v1 prints the wire's epoch seconds as they came; a string or milliseconds here would be a protocol bug.
        var createTime = DateTimeOffset.FromUnixTimeMilliseconds((long)(table.GetProperty("CreateTime").GetDouble() * 1000));
        Assert.InRange(createTime, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));

        var filtered = (await Ok(cli.RunAsync("glue", "get-partitions", "--database-name", "lake", "--table-name", "events", "--expression", "year='2026' AND month='02'"))).Json;
        var partition = Assert.Single(filtered.GetProperty("Partitions").EnumerateArray());
        Assert.Equal("s3://lake/events/year=2026/month=02/", partition.GetProperty("StorageDescriptor").GetProperty("Location").GetString());

        var all = (await Ok(cli.RunAsync("glue", "get-partitions", "--database-name", "lake", "--table-name", "events"))).Json;
        Assert.Equal(2, all.GetProperty("Partitions").GetArrayLength());
    }

    [AwsCliFact]
    public async Task Errors_come_back_with_Glue_codes()
    {
        var cli = _cloud.Cli;

        var missing = await cli.RunAsync("glue", "get-database", "--name", "no_such_database");
        await Ok(cli.RunAsync("glue", "create-database", "--database-input", """{"Name":"twice"}"""));
        var twice = await cli.RunAsync("glue", "create-database", "--database-input", """{"Name":"TWICE"}""");

        Assert.Equal("EntityNotFoundException", missing.ErrorCode);
        Assert.Equal("AlreadyExistsException", twice.ErrorCode);
    }

    private static async Task<CliResult> Ok(Task<CliResult> run)
    {
        var result = await run;
        Assert.True(result.ExitCode == 0, $"aws exited {result.ExitCode}: {result.Stderr}");
        return result;
    }
}
