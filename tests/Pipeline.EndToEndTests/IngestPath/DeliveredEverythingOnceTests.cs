using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Provisioning;
using Pipeline.Contracts.Datasets;
using DuckDB.NET.Data;
using Pipeline.DuckDb;
using Pipeline.EndToEndTests.Infrastructure;

namespace Pipeline.EndToEndTests.IngestPath;

/// <summary>
/// End to end with real processes: LocalCloud, the transformer under its Lambda Runtime API, and the generator
/// sending 10,000 records of each dataset (some deliberately malformed) to the streams the app host provisions.
/// Every accepted record must end up exactly once: in the raw data, or in the error prefix.
/// </summary>
public sealed class DeliveredEverythingOnceTests
{
    private const int RecordsPerDataset = 10_000;
    private const string Seed = "20261122";
    private const string InvalidRatio = "0.03";

    [Fact]
    public async Task Every_accepted_record_is_in_the_raw_data_or_the_error_prefix_exactly_once()
    {
        using var directory = new TestDirectory();
        await using var cloud = await LocalCloudProcess.StartAsync(directory.Sub("data"));
        var catalog = DatasetCatalog.BuiltIn();
        var deployment = new LocalDeployment(cloud.Clients(), catalog, "000000000000");
        await deployment.CreateDataLakeAsync(CancellationToken.None);
        var transformer = await deployment.DeployFunctionAsync(
            "firehose-transformer",
            FunctionPackage.ForBuiltAssembly(Executables.PathOf("Pipeline.FirehoseTransformer")),
            null,
            CancellationToken.None);
        await deployment.CreateDeliveryStreamsAsync(transformer, CancellationToken.None);

        var sends = deployment.Streams.Select(stream => GeneratorRun.RunAsync(
            [.. Arguments(stream.Dataset), "--stream", stream.StreamName, "--endpoint-url", cloud.Endpoint.ToString()],
            cloud.ClientEnvironment(),
            Path.Combine(directory.Path, $"{stream.Dataset}-report.json"))).ToArray();
        var results = await Task.WhenAll(sends);

        using var s3 = cloud.Clients().CreateS3();
        var lake = new DataLake(s3, deployment.DataLakeBucket, directory.Sub("lake"));
        using var connection = DuckDbConnections.OpenInMemory();
        foreach (var (stream, result) in deployment.Streams.Zip(results))
        {
            Assert.True(result.ExitCode == 0, $"generator for {stream.Dataset} failed:\n{result.Output}");
            var dataset = catalog.Get(stream.Dataset);
            var sent = result.Report.GetProperty("records_sent").GetInt64();
            Assert.Equal(RecordsPerDataset, sent);

            var expected = ExpectedRecords.Judge(dataset, await GeneratorRun.DryRunAsync(Arguments(stream.Dataset), Path.Combine(directory.Path, $"{stream.Dataset}.ndjson")));
            Assert.Equal(RecordsPerDataset, expected.Total);
            Assert.InRange(expected.Invalid, 100, 600);

            var rawPrefix = $"raw/{dataset.Name}/";
            var errorPrefix = $"errors/{dataset.Name}/";
            var arrived = await lake.WaitForLinesAsync(expected.Total, TimeSpan.FromSeconds(120), rawPrefix, errorPrefix);
            Assert.True(arrived == expected.Total, $"{dataset.Name}: {arrived} records delivered, {expected.Total} accepted\n{cloud.Log[^Math.Min(cloud.Log.Length, 4000)..]}");

            AssertRawData(connection, lake, dataset, stream, expected);
            AssertErrorRecords(lake, errorPrefix, expected, transformer.FunctionArn!);
        }
    }

    // The same arguments make the same records: the rate sizes the simulated fleet and session pool too.
    private static string[] Arguments(string dataset) =>
        ["--dataset", dataset, "--count", RecordsPerDataset.ToString(CultureInfo.InvariantCulture), "--seed", Seed, "--invalid-ratio", InvalidRatio, "--rate", "4000"];

    private static void AssertRawData(DuckDBConnection connection, DataLake lake, DatasetDefinition dataset, StreamDeployment stream, ExpectedRecords expected)
    {
        // Firehose's object names under the hive-style hour partitions the deployment asks for.
        var keyShape = new Regex($@"^raw/{dataset.Name}/year=\d{{4}}/month=\d{{2}}/day=\d{{2}}/hour=\d{{2}}/{Regex.Escape(stream.StreamName)}-1-\d{{4}}-\d{{2}}-\d{{2}}-\d{{2}}-\d{{2}}-\d{{2}}-[0-9a-f-]{{36}}\.gz$");
        var files = Directory.EnumerateFiles(Path.Combine(lake.Folder, "raw", dataset.Name), "*", SearchOption.AllDirectories).ToArray();
        Assert.All(files, f => Assert.Matches(keyShape, Path.GetRelativePath(lake.Folder, f).Replace('\\', '/')));

        var glob = DuckDbSql.Literal(Path.Combine(lake.Folder, "raw", dataset.Name, "**", "*.gz"));
        using var result = connection.Query(
            $"SELECT count(*), count(DISTINCT {dataset.IdField}), sum({dataset.SumField}) FROM read_json({glob}, format = 'newline_delimited', compression = 'gzip', union_by_name = true)");
        Assert.True(result.Read());
        Assert.Equal(expected.Valid, result.GetInt64(0));
        Assert.Equal(expected.Valid, result.GetInt64(1));
        Assert.Equal(expected.Sum, result.GetDouble(2), expected.Sum * 1e-9);

        var delivered = lake.Lines($"raw/{dataset.Name}/").Select(l => JsonDocument.Parse(l).RootElement.GetProperty(dataset.IdField).GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.True(expected.ValidEventIds.SetEquals(delivered), "the raw data holds other event ids than the valid records sent");
    }

    private static void AssertErrorRecords(DataLake lake, string errorPrefix, ExpectedRecords expected, string lambdaArn)
    {
        var failed = lake.Lines(errorPrefix).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();
        Assert.Equal(expected.Invalid, failed.Length);
        foreach (var record in failed)
        {
            // Firehose's processing-failed format, field for field.
            Assert.Equal(
                ["arrivalTimestamp", "attemptEndingTimestamp", "attemptsMade", "errorCode", "errorMessage", "lambdaArn", "rawData"],
                record.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal(lambdaArn, record.GetProperty("lambdaArn").GetString());
            Assert.False(string.IsNullOrEmpty(record.GetProperty("errorCode").GetString()));
            var raw = Convert.FromBase64String(record.GetProperty("rawData").GetString()!);
            Assert.NotNull(Encoding.UTF8.GetString(raw));
        }

        Assert.All(Directory.EnumerateFiles(Path.Combine(lake.Folder, errorPrefix), "*", SearchOption.AllDirectories),
            f => Assert.Contains("/processing-failed/", f.Replace('\\', '/')));
    }
}
