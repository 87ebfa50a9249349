using System.Text.Json;
using Pipeline.IntegrationTests.LocalCloud.Cli;

namespace Pipeline.IntegrationTests.LocalCloud.Athena;

/// <summary>
/// The AWS CLI against LocalCloud's Athena: workgroups, queries run in the background and polled, results paged,
/// the CSV left in S3, failures in Athena's shape, stopping, and the history.
/// </summary>
public sealed class AthenaCliQueryTests(AthenaCloudFixture cloud) : IClassFixture<AthenaCloudFixture>
{
    private const string Results = "s3://athena-results/queries/";

    [AwsCliFact]
    public async Task Query_in_an_enforced_workgroup_succeeds_and_pages_its_results()
    {
        var cli = cloud.Cli;
        await AthenaCloudFixture.Ok(cli.RunAsync("athena", "create-work-group", "--name", "pipeline",
            "--configuration", $"ResultConfiguration={{OutputLocation={Results}}},EnforceWorkGroupConfiguration=true,BytesScannedCutoffPerQuery=10000000,PublishCloudWatchMetricsEnabled=false"));
        var workGroup = (await AthenaCloudFixture.Ok(cli.RunAsync("athena", "get-work-group", "--work-group", "pipeline"))).Json.GetProperty("WorkGroup");
        Assert.True(workGroup.GetProperty("Configuration").GetProperty("EnforceWorkGroupConfiguration").GetBoolean());

        var id = await StartAsync("SELECT vin, count(*) AS n, max(vehicle_status.speed_kmh) AS top FROM events WHERE day = '02' GROUP BY 1 ORDER BY 1", "pipeline", "s3://athena-results/ignored/");
        var execution = await WaitAsync(id);

        Assert.Equal("SUCCEEDED", execution.GetProperty("Status").GetProperty("State").GetString());
        Assert.Equal($"{Results}{id}.csv", execution.GetProperty("ResultConfiguration").GetProperty("OutputLocation").GetString());
        var scanned = execution.GetProperty("Statistics").GetProperty("DataScannedInBytes").GetInt64();
        Assert.Equal(new FileInfo(Path.Combine(cloud.WorkDirectory, "events-02.json.gz")).Length, scanned);

        var firstPage = (await AthenaCloudFixture.Ok(cli.RunAsync("athena", "get-query-results", "--query-execution-id", id, "--page-size", "2", "--max-items", "4"))).Json;
        var token = firstPage.GetProperty("NextToken").GetString()!;
        var rest = (await AthenaCloudFixture.Ok(cli.RunAsync("athena", "get-query-results", "--query-execution-id", id, "--starting-token", token, "--page-size", "2"))).Json;
        var rows = firstPage.GetProperty("ResultSet").GetProperty("Rows").EnumerateArray().Concat(rest.GetProperty("ResultSet").GetProperty("Rows").EnumerateArray())
            .Select(r => r.GetProperty("Data").EnumerateArray().Select(d => d.GetProperty("VarCharValue").GetString()).ToArray())
            .ToList();

        Assert.Equal(new string?[] { "vin", "n", "top" }, rows[0]);
        Assert.Equal(10, rows.Count);
        Assert.Equal(Enumerable.Range(0, 9).Select(i => $"V{i}"), rows.Skip(1).Select(r => r[0]));
        Assert.Equal(AthenaCloudFixture.RowsPerPartition, rows.Skip(1).Sum(r => int.Parse(r[1]!, System.Globalization.CultureInfo.InvariantCulture)));
        var columns = firstPage.GetProperty("ResultSet").GetProperty("ResultSetMetadata").GetProperty("ColumnInfo");
        Assert.Equal(new string?[] { "varchar", "bigint", "double" }, columns.EnumerateArray().Select(c => c.GetProperty("Type").GetString()));

        var csv = await AthenaCloudFixture.Ok(cli.RunAsync("s3", "cp", $"{Results}{id}.csv", "-"));
        Assert.StartsWith("\"vin\",\"n\",\"top\"\n\"V0\",", csv.Stdout, StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task Parquet_scans_a_fraction_of_json_for_the_same_column_query()
    {
        const string query = "SELECT vendor, count(*) FROM {0} WHERE month = '01' AND day = '01' GROUP BY vendor";

        var json = await WaitAsync(await StartAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, query, "tele.events"), null, Results));
        var parquet = await WaitAsync(await StartAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, query, "tele.events_parquet"), null, Results));

        var jsonBytes = json.GetProperty("Statistics").GetProperty("DataScannedInBytes").GetInt64();
        var parquetBytes = parquet.GetProperty("Statistics").GetProperty("DataScannedInBytes").GetInt64();
        Assert.Equal("SUCCEEDED", parquet.GetProperty("Status").GetProperty("State").GetString());
        Assert.InRange(parquetBytes, 1, jsonBytes / 10);
    }

    [AwsCliFact]
    public async Task Failing_query_reports_athenas_error_and_has_no_results()
    {
        var id = await StartAsync("SELECT vin FROM tele.no_such_table", null, Results);
        var status = (await WaitAsync(id)).GetProperty("Status");

        Assert.Equal("FAILED", status.GetProperty("State").GetString());
        Assert.Equal("TABLE_NOT_FOUND: line 1:17: Table 'awsdatacatalog.tele.no_such_table' does not exist", status.GetProperty("StateChangeReason").GetString());
        var error = status.GetProperty("AthenaError");
        Assert.Equal((2, 1006, false), (error.GetProperty("ErrorCategory").GetInt32(), error.GetProperty("ErrorType").GetInt32(), error.GetProperty("Retryable").GetBoolean()));
        var results = await cloud.Cli.RunAsync("athena", "get-query-results", "--query-execution-id", id);
        Assert.Equal("InvalidRequestException", results.ErrorCode);
    }

    [AwsCliFact]
    public async Task Start_without_output_location_is_refused()
    {
        var result = await cloud.Cli.RunAsync("athena", "start-query-execution", "--query-string", "SELECT 1");

        Assert.Equal("InvalidRequestException", result.ErrorCode);
        Assert.Contains("No output location provided", result.Stderr, StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task Stopped_query_is_cancelled_and_listed_in_its_workgroup()
    {
        var cli = cloud.Cli;
        await AthenaCloudFixture.Ok(cli.RunAsync("athena", "create-work-group", "--name", "adhoc", "--configuration", $"ResultConfiguration={{OutputLocation={Results}}}"));
        var done = await StartAsync("SELECT 1", "adhoc", null);
        await WaitAsync(done);
        var id = await StartAsync("SELECT count(*) FROM events a, events b, events c, events d", "adhoc", null);

        await AthenaCloudFixture.Ok(cli.RunAsync("athena", "stop-query-execution", "--query-execution-id", id));
        var execution = await WaitAsync(id);
        var listed = (await AthenaCloudFixture.Ok(cli.RunAsync("athena", "list-query-executions", "--work-group", "adhoc"))).Json;

        Assert.Equal("CANCELLED", execution.GetProperty("Status").GetProperty("State").GetString());
        Assert.Equal([id, done], listed.GetProperty("QueryExecutionIds").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    private async Task<string> StartAsync(string sql, string? workGroup, string? output)
    {
        var arguments = new List<string> { "athena", "start-query-execution", "--query-string", sql, "--query-execution-context", "Database=tele" };
        if (workGroup is not null)
        {
            arguments.AddRange(["--work-group", workGroup]);
        }

        if (output is not null)
        {
            arguments.AddRange(["--result-configuration", $"OutputLocation={output}"]);
        }

        return (await AthenaCloudFixture.Ok(cloud.Cli.RunAsync([.. arguments]))).Json.GetProperty("QueryExecutionId").GetString()!;
    }

    private async Task<JsonElement> WaitAsync(string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var execution = (await AthenaCloudFixture.Ok(cloud.Cli.RunAsync("athena", "get-query-execution", "--query-execution-id", id))).Json.GetProperty("QueryExecution");
            var state = execution.GetProperty("Status").GetProperty("State").GetString();
            if (state is "SUCCEEDED" or "FAILED" or "CANCELLED" || DateTime.UtcNow > deadline)
            {
                return execution;
            }

            await Task.Delay(200);
        }
    }
}
