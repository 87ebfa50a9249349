using System.Text.Json;
using Pipeline.LocalCloud.Glue.Api;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>
/// Crawler definitions, kept in <c>&lt;data dir&gt;/glue/crawlers.json</c>. Nothing crawls yet: every crawler is READY.
/// Crawler names, unlike catalog names, are case-sensitive in Glue.
/// </summary>
internal sealed class GlueCrawlers
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;
    private readonly string _file;
    private List<Crawler>? _crawlers;

    public GlueCrawlers(LocalCloudOptions cloud, TimeProvider time)
    {
        _time = time;
        _file = Path.Combine(cloud.DataDirectory, GlueCatalog.Folder, "crawlers.json");
    }

    public async Task<Crawler> CreateAsync(CreateCrawlerRequest request, CancellationToken cancellationToken = default)
    {
        var name = CheckName(request.Name, "name");
        if (string.IsNullOrEmpty(request.Role))
        {
            throw GlueErrors.InvalidInput("1 validation error detected: Value null at 'role' failed to satisfy constraint: Member must not be null");
        }

        if (request.Targets is null)
        {
            throw GlueErrors.InvalidInput("1 validation error detected: Value null at 'targets' failed to satisfy constraint: Member must not be null");
        }

        if (request.Targets.S3Targets?.Any(t => string.IsNullOrEmpty(t.Path)) == true)
        {
            throw GlueErrors.InvalidInput("Every S3 target needs a Path.");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var crawlers = _crawlers ??= Load();
            if (crawlers.Any(c => c.Name == name))
            {
                throw GlueErrors.Exists($"{name} already exists");
            }

            var now = _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
            var crawler = new Crawler
            {
                Name = name,
                Role = request.Role,
                Targets = request.Targets,
                DatabaseName = request.DatabaseName,
                Description = request.Description,
                TablePrefix = request.TablePrefix,
                SchemaChangePolicy = request.SchemaChangePolicy ?? new SchemaChangePolicy { UpdateBehavior = "UPDATE_IN_DATABASE", DeleteBehavior = "DEPRECATE_IN_DATABASE" },
                RecrawlPolicy = request.RecrawlPolicy ?? new RecrawlPolicy { RecrawlBehavior = "CRAWL_EVERYTHING" },
                State = CrawlerState.Ready,
                CreationTime = now,
                LastUpdated = now,
                Version = 1,
            };
            Save([.. crawlers, crawler]);
            return crawler;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<Crawler> GetAsync(string? name, CancellationToken cancellationToken = default)
    {
        var checkedName = CheckName(name, "name");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (_crawlers ??= Load()).FirstOrDefault(c => c.Name == checkedName) ?? throw GlueErrors.NotFound($"Crawler with name {checkedName} has not been found");
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<CatalogPage<Crawler>> ListAsync(string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return CatalogPaging.Page(_crawlers ??= Load(), c => c.Name, nextToken, maxResults);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task DeleteAsync(string? name, CancellationToken cancellationToken = default)
    {
        var checkedName = CheckName(name, "name");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var crawlers = _crawlers ??= Load();
            if (!crawlers.Any(c => c.Name == checkedName))
            {
                throw GlueErrors.NotFound($"Crawler entry with name {checkedName} does not exist");
            }

            Save(crawlers.Where(c => c.Name != checkedName).ToList());
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string CheckName(string? name, string member)
    {
        // Same limits as catalog names, but the name is kept as given.
        GlueCatalog.Name(name, member);
        return name!;
    }

    private List<Crawler> Load() =>
        File.Exists(_file) ? JsonSerializer.Deserialize(File.ReadAllBytes(_file), GlueApiJsonContext.Default.ListCrawler) ?? [] : [];

    private void Save(List<Crawler> crawlers)
    {
        GlueFiles.WriteAtomically(_file, JsonSerializer.SerializeToUtf8Bytes(crawlers, GlueApiJsonContext.Default.ListCrawler));
        _crawlers = crawlers;
    }
}
