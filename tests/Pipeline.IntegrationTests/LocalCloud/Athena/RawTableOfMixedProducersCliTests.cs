using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Pipeline.IntegrationTests.LocalCloud.Cli;

namespace Pipeline.IntegrationTests.LocalCloud.Athena;

/// <summary>
/// The issue's scenario with the AWS CLI: next to an object Firehose delivered (gzip, records with ingest_time), a
/// producer copies NDJSON without ingest_time under the raw prefix with <c>aws s3 cp</c>, as the README invites; the
/// crawler catalogs the raw table and Athena still counts every record.
/// </summary>
public sealed class RawTableOfMixedProducersCliTests(LocalCloudFixture cloud) : IClassFixture<LocalCloudFixture>
{
    private const string Lake = "pipeline-local-data-lake";
    private const string Hour = "raw/vehicle_telemetry/year=2026/month=01/day=15/";

    [AwsCliFact]
    public async Task Count_of_the_raw_table_includes_files_without_ingest_time()
    {
        var cli = cloud.Cli;
        await Ok(cli.RunAsync("s3", "mb", $"s3://{Lake}"));
        await Ok(cli.RunAsync("s3", "mb", "s3://athena-results"));
        await Ok(cli.RunAsync("glue", "create-database", "--database-input", """{"Name":"pipeline"}"""));
        await Ok(cli.RunAsync(
            "glue", "create-crawler", "--name", "pipeline-local-vehicle_telemetry-raw", "--role", "arn:aws:iam::000000000000:role/crawler",
            "--database-name", "pipeline", "--table-prefix", "raw_", "--targets", $$"""{"S3Targets":[{"Path":"s3://{{Lake}}/raw/vehicle_telemetry/"}]}"""));

        var delivered = Path.Combine(cloud.WorkDirectory, "delivered.gz");
        await File.WriteAllBytesAsync(delivered, Gzip(
            """
            {"event_id":"e1","vehicle_id":"V1","speed_kmh":51.5,"engine":{"rpm":1200,"temp_c":88.5},"ingest_time":"2026-01-15T08:00:01Z"}
            {"event_id":"e2","vehicle_id":"V2","speed_kmh":12.0,"engine":{"rpm":900,"temp_c":70.0},"ingest_time":"2026-01-15T08:00:02Z"}

            """));
        await Ok(cli.RunAsync("s3api", "put-object", "--bucket", Lake, "--key", Hour + "hour=08/pipeline-local-vehicle_telemetry-1-2026-01-15-08-00-00-4b1c7a2e", "--body", delivered));

        var copied = Path.Combine(cloud.WorkDirectory, "data.json");
        await File.WriteAllTextAsync(copied,
            """
            {"event_id":"c1","vehicle_id":"V3","speed_kmh":33.0,"engine":{"rpm":1500},"firmware":"2.1"}
            {"event_id":"c2","vehicle_id":"V4","speed_kmh":20.0,"engine":{"rpm":800,"temp_c":65.0}}
            {"event_id":"c3","vehicle_id":"V5","speed_kmh":7.0}

            """);
        await Ok(cli.RunAsync("s3", "cp", copied, $"s3://{Lake}/{Hour}hour=08/data.json"));

        // And one a folder deeper inside a partition, whose key=value folder is no column of the table.
        await Ok(cli.RunAsync("s3", "cp", copied, $"s3://{Lake}/{Hour}hour=09/source=cli/data.json"));

        await Ok(cli.RunAsync("glue", "start-crawler", "--name", "pipeline-local-vehicle_telemetry-raw"));
        await WaitCrawledAsync("pipeline-local-vehicle_telemetry-raw");

        Assert.Equal([["8"]], await QueryAsync("SELECT count(*) FROM pipeline.raw_vehicle_telemetry"));
        Assert.Equal([["5", "2", "4"]], await QueryAsync("SELECT count(*), count(ingest_time), count(engine.rpm) FROM pipeline.raw_vehicle_telemetry WHERE hour = '08'"));
    }

    private async Task<List<string?[]>> QueryAsync(string sql)
    {
        var cli = cloud.Cli;
        var id = (await Ok(cli.RunAsync(
            "athena", "start-query-execution", "--query-string", sql, "--query-execution-context", "Database=pipeline",
            "--result-configuration", "OutputLocation=s3://athena-results/queries/"))).GetProperty("QueryExecutionId").GetString()!;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var status = (await Ok(cli.RunAsync("athena", "get-query-execution", "--query-execution-id", id))).GetProperty("QueryExecution").GetProperty("Status");
            var state = status.GetProperty("State").GetString();
            if (state == "SUCCEEDED")
            {
                break;
            }

            Assert.True(state is "QUEUED" or "RUNNING", $"{sql}: {state} {(status.TryGetProperty("StateChangeReason", out var reason) ? reason.GetString() : "")}");
            Assert.True(DateTime.UtcNow < deadline, $"{sql} is still {state}.");
            await Task.Delay(200);
        }

        var rows = (await Ok(cli.RunAsync("athena", "get-query-results", "--query-execution-id", id))).GetProperty("ResultSet").GetProperty("Rows");
        return [.. rows.EnumerateArray().Skip(1).Select(r => r.GetProperty("Data").EnumerateArray().Select(d => d.TryGetProperty("VarCharValue", out var v) ? v.GetString() : null).ToArray())];
    }

    private async Task WaitCrawledAsync(string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var crawler = (await Ok(cloud.Cli.RunAsync("glue", "get-crawler", "--name", name))).GetProperty("Crawler");
            if (crawler.GetProperty("State").GetString() == "READY" && crawler.TryGetProperty("LastCrawl", out var last))
            {
                Assert.Equal("SUCCEEDED", last.GetProperty("Status").GetString());
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{name} is still {crawler.GetProperty("State").GetString()}.");
            await Task.Delay(200);
        }
    }

    private static byte[] Gzip(string text)
    {
        using var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }

        return compressed.ToArray();
    }

    private static async Task<JsonElement> Ok(Task<CliResult> run)
    {
        var result = await run;
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout.TrimStart().StartsWith('{') ? result.Json : default;
    }
}
