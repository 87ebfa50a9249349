using System.Text.Json.Nodes;
using Pipeline.Aws;
using Pipeline.Aws.Athena;
using Pipeline.AwsShapes.Athena;
using Xunit;

namespace Pipeline.IntegrationTests.Moto;

/// <summary>The Athena client against moto's Athena: workgroup, query execution and result pages.</summary>
[Collection(MotoCollection.Name)]
public sealed class AthenaAgainstMotoTests(MotoServerFixture moto)
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    [MotoFact]
    public async Task A_query_in_a_new_workgroup_succeeds_and_reads_back()
    {
        var athena = moto.Clients.CreateAthena();
        var workGroup = Unique("pipeline-test");
        await athena.CreateWorkGroupAsync(
            workGroup,
            new WorkGroupConfiguration { ResultConfiguration = new ResultConfiguration { OutputLocation = "s3://pipeline-test-data-lake/athena-results/" } },
            "pipeline queries");

        var id = await athena.StartQueryExecutionAsync(new StartQueryExecutionRequest
        {
            QueryString = "SELECT count(*) FROM vehicle_telemetry_stage",
            QueryExecutionContext = new QueryExecutionContext { Database = "pipeline" },
            WorkGroup = workGroup,
        });
        var execution = await athena.GetQueryExecutionAsync(id);

        Assert.Equal(id, execution.QueryExecutionId);
        Assert.Equal("SELECT count(*) FROM vehicle_telemetry_stage", execution.Query);
        Assert.Equal(workGroup, execution.WorkGroup);
        Assert.Equal("pipeline", execution.QueryExecutionContext?.Database);
        Assert.Equal(QueryExecutionStateValues.Succeeded, execution.Status?.State);
        Assert.NotNull(execution.Status?.SubmissionDateTime);
    }

    [MotoFact]
    public async Task Query_results_read_into_rows_and_columns()
    {
        var athena = moto.Clients.CreateAthena();
        using (var http = new HttpClient())
        {
            // moto serves results registered through its API to the next queries, in order.
            var results = new JsonObject
            {
                ["account_id"] = "123456789012",
                ["region"] = "us-east-1",
                ["results"] = new JsonArray(new JsonObject
                {
                    ["rows"] = new JsonArray(
                        new JsonObject { ["Data"] = new JsonArray(new JsonObject { ["VarCharValue"] = "vendor" }, new JsonObject { ["VarCharValue"] = "n" }) },
                        new JsonObject { ["Data"] = new JsonArray(new JsonObject { ["VarCharValue"] = "Volvo" }, new JsonObject { ["VarCharValue"] = "42" }) },
                        new JsonObject { ["Data"] = new JsonArray(new JsonObject { ["VarCharValue"] = "Scania" }, new JsonObject()) }),
                    ["column_info"] = new JsonArray(
                        new JsonObject { ["CatalogName"] = "awsdatacatalog", ["SchemaName"] = "pipeline", ["TableName"] = "t", ["Name"] = "vendor", ["Label"] = "vendor", ["Type"] = "varchar", ["Precision"] = 0, ["Scale"] = 0, ["Nullable"] = "UNKNOWN", ["CaseSensitive"] = true },
                        new JsonObject { ["CatalogName"] = "awsdatacatalog", ["SchemaName"] = "pipeline", ["TableName"] = "t", ["Name"] = "n", ["Label"] = "n", ["Type"] = "bigint", ["Precision"] = 19, ["Scale"] = 0, ["Nullable"] = "UNKNOWN", ["CaseSensitive"] = false }),
                }),
            };
            using var content = new StringContent(results.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(moto.Endpoint, "/moto-api/static/athena/query-results"), content);
            response.EnsureSuccessStatusCode();
        }

        var id = await athena.StartQueryExecutionAsync(new StartQueryExecutionRequest
        {
            QueryString = "SELECT vendor, count(*) AS n FROM vehicle_telemetry_stage GROUP BY vendor",
            ResultConfiguration = new ResultConfiguration { OutputLocation = "s3://pipeline-test-data-lake/athena-results/" },
        });
        var page = await athena.GetQueryResultsAsync(id);

        var rows = page.ResultSet!.Rows!;
        Assert.Equal(["vendor", "n"], rows[0].Data!.Select(d => d.VarCharValue));
        Assert.Equal(["Volvo", "42"], rows[1].Data!.Select(d => d.VarCharValue));
        Assert.Equal(["Scania", null], rows[2].Data!.Select(d => d.VarCharValue));
        Assert.Equal(["varchar", "bigint"], page.ResultSet.ResultSetMetadata!.ColumnInfo!.Select(c => c.Type));
    }
}
