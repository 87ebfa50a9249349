using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Pipeline.DuckDb;
using Pipeline.IntegrationTests.LocalCloud.Cli;

namespace Pipeline.IntegrationTests.LocalCloud.Athena;

/// <summary>
/// LocalCloud with telemetry loaded the way the pipeline loads it, all through the AWS CLI: gzipped NDJSON and
/// DuckDB-written Parquet uploaded with <c>aws s3 cp</c> under <c>month=/day=</c> prefixes, and the Glue database
/// <c>tele</c> with the tables <c>events</c> (JSON) and <c>events_parquet</c> and their two partitions each.
/// </summary>
public sealed class AthenaCloudFixture : IAsyncLifetime
{
    public const int RowsPerPartition = 400;

    private readonly LocalCloudFixture _cloud = new();

    internal AwsCli Cli => _cloud.Cli;

    public string WorkDirectory => _cloud.WorkDirectory;

    public async Task InitializeAsync()
    {
        await _cloud.InitializeAsync();
        if (AwsCliLocator.MissingReason is not null)
        {
            return;
        }

        var cli = Cli;
        await Ok(cli.RunAsync("s3", "mb", "s3://lake"));
        await Ok(cli.RunAsync("s3", "mb", "s3://athena-results"));
        using var connection = DuckDbConnections.OpenInMemory();
        foreach (var day in new[] { "01", "02" })
        {
            var json = Path.Combine(WorkDirectory, $"events-{day}.json.gz");
            await using (var file = File.Create(json))
            await using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
            await using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
            {
                for (var i = 0; i < RowsPerPartition; i++)
                {
                    await writer.WriteAsync(JsonSerializer.Serialize(Row(day, i), IntegrationJsonContext.Default.DictionaryStringObject) + "\n");
                }
            }

            var parquet = Path.Combine(WorkDirectory, $"events-{day}.parquet");
            connection.Execute($"COPY (SELECT * FROM read_json('{json}', format = 'newline_delimited')) TO '{parquet}' (FORMAT parquet)");
            await Ok(cli.RunAsync("s3", "cp", json, $"s3://lake/raw/month=01/day={day}/events-{day}.json.gz"));
            await Ok(cli.RunAsync("s3", "cp", parquet, $"s3://lake/stage/month=01/day={day}/part-0.parquet"));
        }

        await Ok(cli.RunAsync("glue", "create-database", "--database-input", """{"Name":"tele"}"""));
        await CreateTableAsync("events", "raw", "org.openx.data.jsonserde.JsonSerDe");
        await CreateTableAsync("events_parquet", "stage", "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
    }

    public Task DisposeAsync() => _cloud.DisposeAsync();

    internal static async Task<CliResult> Ok(Task<CliResult> run)
    {
        var result = await run;
        Assert.True(result.ExitCode == 0, $"aws failed ({result.ExitCode}): {result.Stderr}");
        return result;
    }

    private static Dictionary<string, object> Row(string day, int i) => new()
    {
        ["vin"] = $"V{i % 9}",
        ["vendor"] = i % 2 == 0 ? "acme" : "zeta",
        ["ts"] = $"2026-01-{day}T{i % 24:00}:{i % 60:00}:00Z",
        ["vehicle_status"] = new Dictionary<string, object> { ["speed_kmh"] = (double)(i % 120), ["fuel_pct"] = (double)(i % 100) },
        ["payload"] = Convert.ToHexString(System.Security.Cryptography.SHA512.HashData(Encoding.UTF8.GetBytes($"{day}-{i}"))),
    };

    private async Task CreateTableAsync(string name, string folder, string serde)
    {
        var table = $$"""
            {
              "Name": "{{name}}",
              "TableType": "EXTERNAL_TABLE",
              "PartitionKeys": [ { "Name": "month", "Type": "string" }, { "Name": "day", "Type": "string" } ],
              "StorageDescriptor": {
                "Columns": [
                  { "Name": "vin", "Type": "string" },
                  { "Name": "vendor", "Type": "string" },
                  { "Name": "ts", "Type": "string" },
                  { "Name": "vehicle_status", "Type": "struct<speed_kmh:double,fuel_pct:double>" },
                  { "Name": "payload", "Type": "string" }
                ],
                "Location": "s3://lake/{{folder}}/",
                "SerdeInfo": { "SerializationLibrary": "{{serde}}" }
              }
            }
            """;
        await Ok(Cli.RunAsync("glue", "create-table", "--database-name", "tele", "--table-input", Cli.File($"{name}.json", table)));
        var partitions = $$$"""
            [
              {"Values":["01","01"],"StorageDescriptor":{"Location":"s3://lake/{{{folder}}}/month=01/day=01/"}},
              {"Values":["01","02"],"StorageDescriptor":{"Location":"s3://lake/{{{folder}}}/month=01/day=02/"}}
            ]
            """;
        await Ok(Cli.RunAsync("glue", "batch-create-partition", "--database-name", "tele", "--table-name", name, "--partition-input-list", Cli.File($"{name}-partitions.json", partitions)));
    }
}
