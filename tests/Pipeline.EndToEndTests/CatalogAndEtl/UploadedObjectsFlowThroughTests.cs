using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Pipeline.Aws.Glue;
using Pipeline.Contracts.Datasets;
using Pipeline.EndToEndTests.Infrastructure;
using Pipeline.FirehoseTransformer.Transformation;

namespace Pipeline.EndToEndTests.CatalogAndEtl;

/// <summary>
/// Producers other than Firehose are first-class: objects put straight into the raw prefix flow through the same
/// notifications, crawls and jobs. A burst of 200 objects, some with <c>=</c> and spaces in their names, must cost few
/// crawls and leave every object's partition in the catalog and every record in the stage table.
/// </summary>
public sealed class UploadedObjectsFlowThroughTests
{
    private const int Objects = 200;
    private const int RecordsPerObject = 5;
    private const int Hours = 20;

    [Fact]
    public async Task A_burst_of_uploaded_objects_is_crawled_a_few_times_and_lands_whole_in_stage()
    {
        using var directory = new TestDirectory();
        await using var cloud = await LocalCloudProcess.StartAsync(directory.Sub("data"));
        var catalog = DatasetCatalog.BuiltIn();
        var dataset = catalog.Get("clickstream");
        var pipeline = await LocalPipeline.DeployAsync(cloud, catalog);

        // Records as Firehose would land them: the generator's, normalised by the transformer's own rules.
        var lines = await GeneratorRun.DryRunAsync(
            ["--dataset", dataset.Name, "--count", (Objects * RecordsPerObject).ToString(CultureInfo.InvariantCulture), "--seed", "7", "--invalid-ratio", "0", "--rate", "1000"],
            Path.Combine(directory.Path, "clickstream.ndjson"));
        var normalizer = new RecordNormalizer(dataset);
        var records = lines.Select(l => Encoding.UTF8.GetString(Convert.FromBase64String(normalizer.Normalize(Encoding.UTF8.GetBytes(l), DateTimeOffset.UtcNow).Base64Data!))).ToArray();
        Assert.Equal(Objects * RecordsPerObject, records.Length);

        var keys = Enumerable.Range(0, Objects).Select(Key).ToArray();
        using (var s3 = cloud.Clients().CreateS3())
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, Objects), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
            {
                var body = string.Join('\n', records.Skip(i * RecordsPerObject).Take(RecordsPerObject)) + "\n";
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = pipeline.Names.DataLakeBucket, Key = keys[i], ContentBody = body }, token);
            });
        }

        var athena = cloud.Clients().CreateAthena();
        var sql = $"SELECT count(*), count(DISTINCT event_id) FROM {pipeline.Names.Database}.clickstream_stage";
        var counts = await Eventually.WaitAsync(
            async () =>
            {
                var query = await AthenaQuery.RunAsync(athena, pipeline.Names.WorkGroup, sql);
                return query.Succeeded ? (Rows: int.Parse(query.Rows[0][0]!, CultureInfo.InvariantCulture), Distinct: int.Parse(query.Rows[0][1]!, CultureInfo.InvariantCulture)) : (Rows: -1, Distinct: -1);
            },
            c => c.Rows >= records.Length,
            TimeSpan.FromMinutes(3),
            TimeSpan.FromSeconds(3));
        Assert.True(counts.Rows == records.Length, $"stage holds {counts.Rows} of {records.Length} uploaded records\n{cloud.Log[^Math.Min(cloud.Log.Length, 6000)..]}");
        Assert.Equal(records.Length, counts.Distinct);

        // Every object's partition is in the raw table, keys with '=' and spaces included.
        var glue = cloud.Clients().CreateGlue();
        var partitions = await AllPartitionsAsync(glue, pipeline.Names.Database, catalog.Deployment.RawTableFor(dataset.Name));
        var hours = partitions.Select(p => string.Join('/', p.Values)).ToHashSet(StringComparer.Ordinal);
        for (var hour = 0; hour < Hours; hour++)
        {
            Assert.Contains($"2026/01/15/{hour:00}", hours);
        }

        // The records of the oddly named objects are in stage.
        var odd = Enumerable.Range(0, Objects).Where(i => keys[i].Contains(' ', StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(odd);
        var oddIds = odd.SelectMany(i => records.Skip(i * RecordsPerObject).Take(RecordsPerObject)).Select(r => (string)JsonNode.Parse(r)![dataset.IdField]!).ToArray();
        var inStage = await AthenaQuery.RunAsync(
            athena,
            pipeline.Names.WorkGroup,
            $"SELECT count(*) FROM {pipeline.Names.Database}.clickstream_stage WHERE event_id IN ({string.Join(", ", oddIds.Select(id => $"'{id}'"))})");
        Assert.True(inStage.Succeeded, inStage.Describe);
        Assert.Equal(oddIds.Length.ToString(CultureInfo.InvariantCulture), inStage.Rows[0][0]);

        // A burst costs few crawls: each successful crawl starts one job run.
        var runs = await glue.GetJobRunsAsync(pipeline.Names.EtlJob(dataset.Name));
        Assert.InRange(runs.JobRuns?.Count ?? 0, 1, 12);
    }

    // Every fourth object has a name that S3 notifications must URL-encode: spaces, '=', '+'.
    private static string Key(int i) =>
        $"raw/clickstream/year=2026/month=01/day=15/hour={i % Hours:00}/" + (i % 4 == 0 ? $"upload {i} part=a+b.json" : $"upload-{i}.json");

    private static async Task<IReadOnlyList<Partition>> AllPartitionsAsync(GlueClient glue, string database, string table)
    {
        var partitions = new List<Partition>();
        string? token = null;
        do
        {
            var page = await glue.GetPartitionsAsync(database, table, nextToken: token);
            partitions.AddRange(page.Partitions ?? []);
            token = page.NextToken;
        }
        while (token is not null);

        return partitions;
    }
}
