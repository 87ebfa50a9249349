using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Glue.Crawlers;
using Pipeline.LocalCloud.Glue.Crawlers.Crawling;
using Pipeline.LocalCloud.Glue.Crawlers.Events;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;
using Pipeline.UnitTests.LocalCloud.Glue.Crawls.Fakes;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.LocalCloud.Glue.Crawls;

/// <summary>A crawler over a real object store, catalog and DuckDB in a temporary data directory, with a recording bus and a hand-set clock.</summary>
internal sealed class CrawlerHarness : IDisposable
{
    public const string Bucket = "lake";
    public const string Database = "pipeline";

    private readonly DuckDbSchemaInferrer _duckDb = new();

    public CrawlerHarness()
    {
        Options = new LocalCloudOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "glue-crawl-" + Guid.NewGuid().ToString("N")), AccountId = "123456789012", Region = "eu-west-1" };
        Store = new FileObjectStore(Path.Combine(Options.DataDirectory, "s3"), Time);
        Catalog = new GlueCatalog(Options, Time);
        Inferrer = new GatedInferrer(_duckDb);
        Engine = new CrawlEngine(Catalog, Store, Inferrer, NullLogger<CrawlEngine>.Instance);
        Crawlers = new GlueCrawlers(Options, Time);
        Events = new CrawlerEvents(Bus, Options);
        Runner = new CrawlerRunner(Crawlers, Engine, Events, Time, NullLogger<CrawlerRunner>.Instance);
    }

    public LocalCloudOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    public FileObjectStore Store { get; }

    public IGlueCatalog Catalog { get; }

    public GatedInferrer Inferrer { get; }

    public CrawlEngine Engine { get; }

    public GlueCrawlers Crawlers { get; }

    public RecordingEventBus Bus { get; } = new();

    public CrawlerEvents Events { get; }

    public CrawlerRunner Runner { get; }

    public static CreateCrawlerRequest Definition(string name = "P-clicks-raw", string path = "s3://lake/raw/clicks/", string? update = null, string? delete = null, string? recrawl = null, List<string>? exclusions = null) => new()
    {
        Name = name,
        Role = "arn:aws:iam::123456789012:role/crawler",
        DatabaseName = Database,
        TablePrefix = "raw_",
        Targets = new CrawlerTargets { S3Targets = [new S3Target { Path = path, Exclusions = exclusions }] },
        SchemaChangePolicy = update is null && delete is null ? null : new SchemaChangePolicy { UpdateBehavior = update ?? "UPDATE_IN_DATABASE", DeleteBehavior = delete ?? "DEPRECATE_IN_DATABASE" },
        RecrawlPolicy = recrawl is null ? null : new RecrawlPolicy { RecrawlBehavior = recrawl },
    };

    public async Task SetUpAsync(CreateCrawlerRequest? definition = null)
    {
        await Store.CreateBucketAsync(Bucket);
        await Catalog.CreateDatabaseAsync(new DatabaseInput { Name = Database });
        await Crawlers.CreateAsync(definition ?? Definition());
    }

    public Task PutFixtureAsync(string key, string fixture, bool gzip = true) =>
        PutAsync(key, File.ReadAllText(ReferenceFiles.Fixture("glue-crawler", fixture)), gzip);

    public async Task PutAsync(string key, string content, bool gzip = true)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        if (gzip)
        {
            using var compressed = new MemoryStream();
            using (var zip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                zip.Write(bytes);
            }

            bytes = compressed.ToArray();
        }

        await Store.PutObjectAsync(Bucket, key, new MemoryStream(bytes), new ObjectWriteOptions());
    }

    /// <summary>Starts a crawl and waits for it to end; the crawler as GetCrawler then shows it.</summary>
    public async Task<Crawler> CrawlAsync(string name = "P-clicks-raw")
    {
        await Runner.StartCrawlAsync(name);
        await Runner.WhenIdleAsync(name).WaitAsync(TimeSpan.FromSeconds(60));
        return await Crawlers.GetAsync(name);
    }

    public async Task<List<Partition>> PartitionsAsync(string table = "raw_clicks") =>
        [.. (await Catalog.GetPartitionsAsync(Database, table, maxResults: 1000)).Items];

    public void Dispose()
    {
        // A crawl a test left running must end before its files go.
        Inferrer.Open();
        Runner.StopAsync(CancellationToken.None).Wait(TimeSpan.FromSeconds(30));
        _duckDb.Dispose();
        try
        {
            Directory.Delete(Options.DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
    }
}
