using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.S3;
using Pipeline.Aws;
using Pipeline.Aws.Athena;
using Pipeline.Aws.Core;
using Pipeline.Aws.Glue;
using Pipeline.AwsShapes.Athena;
using Pipeline.Contracts.Datasets;
using Pipeline.DuckDb;

namespace Pipeline.IntegrationTests.Explorer;

/// <summary>
/// The catalog the Explorer reads, as the pipeline leaves it after a few minutes of generators: the workgroup, the
/// Glue database, raw tables over gzipped NDJSON and stage tables over Parquet with the ETL job's flattened columns
/// (datasets.json's names). The rows are random (seeded per run), so the tests ask Athena what they hold.
/// </summary>
internal static class SeededLake
{
    public const string Bucket = "explorer-lake";

    private static readonly string[] Vendors = ["Volvo", "Scania", "MAN", "DAF", "Iveco", "Mercedes-Benz"];

    private static readonly string[] Statuses = ["OK", "OK", "OK", "OK", "WARN", "FAIL"];

    private static readonly string[] Pages = ["/", "/search", "/product/42", "/product/7", "/cart", "/checkout", "/thank-you"];

    public static async Task SeedAsync(AwsClientFactory aws, string workDirectory, TimeProvider time)
    {
        var deployment = DatasetCatalog.BuiltIn().Deployment;
        var random = new Random();
        var start = time.GetUtcNow().UtcDateTime.AddMinutes(-30);
        start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond));

        using var s3 = aws.CreateS3();
        await s3.PutBucketAsync(Bucket);
        await aws.CreateAthena().CreateWorkGroupAsync(
            deployment.NamePrefixLocal,
            new WorkGroupConfiguration { ResultConfiguration = new ResultConfiguration { OutputLocation = $"s3://{Bucket}/{deployment.AthenaResultsPrefix}" } });
        await aws.CreateGlue().CreateDatabaseAsync(new DatabaseInput { Name = deployment.CatalogDatabase });
        var glue = aws.CreateJsonClient(AwsServices.Glue);

        // Vehicles: a random number of vendors and vehicles, each vehicle reporting every few seconds.
        var vendors = Vendors.OrderBy(_ => random.Next()).Take(random.Next(2, Vendors.Length + 1)).ToArray();
        var vehicles = Enumerable.Range(0, random.Next(6, 25))
            .Select(i => (Id: $"EXPL{i:D13}", Vendor: vendors[i % vendors.Length], Lat: random.NextDouble() * 120 - 55, Lon: random.NextDouble() * 340 - 170))
            .ToArray();
        var telemetry = new List<JsonObject>();
        for (var i = 0; i < 300; i++)
        {
            var vehicle = vehicles[random.Next(vehicles.Length)];
            telemetry.Add(new JsonObject
            {
                ["event_id"] = Guid.NewGuid().ToString(),
                ["event_time"] = Timestamp(start.AddSeconds(i * 5)),
                ["vehicle_id"] = vehicle.Id,
                ["vendor"] = vehicle.Vendor,
                ["model"] = "Test " + vehicle.Vendor,
                ["vehicle_status"] = new JsonObject { ["speed_kmh"] = Math.Round(random.NextDouble() * 120, 1), ["status"] = Statuses[random.Next(Statuses.Length)] },
                ["gps_info"] = new JsonObject { ["latitude"] = Math.Round(vehicle.Lat + random.NextDouble() * 0.1, 6), ["longitude"] = Math.Round(vehicle.Lon + random.NextDouble() * 0.1, 6) },
            });
        }

        // Clickstream: sessions walking the funnel, fewer at each step.
        var clicks = new List<JsonObject>();
        for (var session = 0; session < random.Next(40, 90); session++)
        {
            var id = Guid.NewGuid().ToString();
            var steps = new List<string> { "view" };
            foreach (var (action, chance) in new[] { ("click", 0.8), ("add_to_cart", 0.5), ("checkout", 0.6), ("purchase", 0.7) })
            {
                if (random.NextDouble() > chance)
                {
                    break;
                }

                steps.Add(action);
            }

            foreach (var action in steps)
            {
                clicks.Add(new JsonObject
                {
                    ["event_id"] = Guid.NewGuid().ToString(),
                    ["event_time"] = Timestamp(start.AddSeconds(random.Next(0, 1800))),
                    ["session_id"] = id,
                    ["action"] = action,
                    ["page"] = new JsonObject { ["url"] = "https://shop.example.com" + Pages[random.Next(Pages.Length)], ["title"] = "Example Shop" },
                });
            }
        }

        await LoadAsync(s3, glue, deployment, workDirectory, "vehicle_telemetry", telemetry,
            """
            event_id VARCHAR, event_time VARCHAR, vehicle_id VARCHAR, vendor VARCHAR, model VARCHAR,
            vehicle_status STRUCT(speed_kmh DOUBLE, status VARCHAR), gps_info STRUCT(latitude DOUBLE, longitude DOUBLE)
            """,
            """
            event_id, {0} AS event_time, vehicle_id, vendor, model, vehicle_status.speed_kmh AS vehicle_status_speed_kmh,
            vehicle_status.status AS vehicle_status_status, gps_info.latitude AS gps_info_latitude, gps_info.longitude AS gps_info_longitude
            """,
            [("event_id", "string"), ("event_time", "timestamp"), ("vehicle_id", "string"), ("vendor", "string"), ("model", "string"),
             ("vehicle_status_speed_kmh", "double"), ("vehicle_status_status", "string"), ("gps_info_latitude", "double"), ("gps_info_longitude", "double")]);
        await LoadAsync(s3, glue, deployment, workDirectory, "clickstream", clicks,
            "event_id VARCHAR, event_time VARCHAR, session_id VARCHAR, action VARCHAR, page STRUCT(url VARCHAR, title VARCHAR)",
            "event_id, {0} AS event_time, session_id, action, page.url AS page_url, page.title AS page_title",
            [("event_id", "string"), ("event_time", "timestamp"), ("session_id", "string"), ("action", "string"), ("page_url", "string"), ("page_title", "string")]);
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>Raw NDJSON (gzipped, as Firehose writes it) and its flattened Parquet, uploaded and catalogued.</summary>
    private static async Task LoadAsync(
        IAmazonS3 s3, AwsJsonClient glue, DeploymentDescription deployment, string workDirectory, string dataset, List<JsonObject> records,
        string rawColumns, string stageSelect, (string Name, string Type)[] stageColumns)
    {
        var raw = Path.Combine(workDirectory, $"{dataset}.json.gz");
        await using (var file = File.Create(raw))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        await using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        {
            foreach (var record in records)
            {
                await writer.WriteAsync(record.ToJsonString() + "\n");
            }
        }

        var parquet = Path.Combine(workDirectory, $"{dataset}.parquet");
        using (var connection = DuckDbConnections.OpenInMemory())
        {
            // The ETL job's stage row: nested fields flattened to <struct>_<field>, the time a timestamp, and the
            // event_date partition value as a column (the table is not partitioned here).
            var select = string.Format(CultureInfo.InvariantCulture, stageSelect, "CAST(replace(substr(event_time, 1, 19), 'T', ' ') AS TIMESTAMP)");
            connection.Execute(
                $"COPY (SELECT {select}, substr(event_time, 1, 10) AS event_date FROM read_json('{raw}', format = 'newline_delimited', columns = {{{Columns(rawColumns)}}})) TO '{parquet}' (FORMAT parquet)");
        }

        var rawKey = $"{deployment.RawRootFor(dataset)}data.json.gz";
        var stageKey = $"{deployment.StagePrefixFor(dataset)}part-0.parquet";
        await s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = Bucket, Key = rawKey, FilePath = raw });
        await s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = Bucket, Key = stageKey, FilePath = parquet });

        await CreateTableAsync(glue, deployment.CatalogDatabase, deployment.RawTableFor(dataset), $"s3://{Bucket}/{deployment.RawRootFor(dataset)}", "org.openx.data.jsonserde.JsonSerDe", [("event_id", "string"), ("event_time", "string")]);
        await CreateTableAsync(glue, deployment.CatalogDatabase, deployment.StageTableFor(dataset), $"s3://{Bucket}/{deployment.StagePrefixFor(dataset)}", "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", [.. stageColumns, ("event_date", "string")]);
    }

    // "a VARCHAR, b STRUCT(...)" as read_json's columns struct: {'a': 'VARCHAR', 'b': 'STRUCT(...)'}.
    private static string Columns(string columns)
    {
        var parts = new List<string>();
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in columns.ReplaceLineEndings(" "))
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0)
            {
                parts.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        parts.Add(current.ToString().Trim());
        return string.Join(", ", parts.Select(p => p.Split(' ', 2) is var nameType ? $"'{nameType[0]}': '{nameType[1].Trim()}'" : p));
    }

    private static async Task CreateTableAsync(AwsJsonClient glue, string database, string name, string location, string serde, (string Name, string Type)[] columns)
    {
        var input = new JsonObject
        {
            ["DatabaseName"] = database,
            ["TableInput"] = new JsonObject
            {
                ["Name"] = name,
                ["TableType"] = "EXTERNAL_TABLE",
                ["StorageDescriptor"] = new JsonObject
                {
                    ["Columns"] = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject { ["Name"] = c.Name, ["Type"] = c.Type })]),
                    ["Location"] = location,
                    ["SerdeInfo"] = new JsonObject { ["SerializationLibrary"] = serde },
                },
            },
        };
        await glue.SendAsync("CreateTable", input, ExplorerTestJsonContext.Default.JsonObject, ExplorerTestJsonContext.Default.JsonObject);
    }
}
