using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Aws;
using Pipeline.Aws.Athena;
using Pipeline.AwsShapes.Athena;
using Pipeline.Contracts.Datasets;
using Pipeline.Explorer.Athena;
using Pipeline.Explorer.Queries;
using Pipeline.Explorer.Web;
using Pipeline.ServiceDefaults;

namespace Pipeline.Explorer.Hosting;

/// <summary>Builds the Explorer: one page over the pipeline's tables, asking Athena's API and nothing else.</summary>
public static class ExplorerApp
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--port"] = $"{ExplorerOptions.Section}:{nameof(ExplorerOptions.Port)}",
        ["--work-group"] = $"{ExplorerOptions.Section}:{nameof(ExplorerOptions.WorkGroup)}",
        ["--database"] = $"{ExplorerOptions.Section}:{nameof(ExplorerOptions.Database)}",
        ["--output-location"] = $"{ExplorerOptions.Section}:{nameof(ExplorerOptions.OutputLocation)}",
        ["--refresh-seconds"] = $"{ExplorerOptions.Section}:{nameof(ExplorerOptions.RefreshSeconds)}",
    };

    /// <param name="args">Command line: <c>--port</c>, <c>--work-group</c>, <c>--database</c>, <c>--output-location</c>, <c>--refresh-seconds</c>.</param>
    /// <param name="aws">
    /// How to reach Athena; null takes the standard AWS settings from the environment (<c>AWS_ENDPOINT_URL</c> for a
    /// local cloud, the default credentials chain and region), so the same page works against AWS.
    /// </param>
    public static WebApplication Build(string[] args, AwsClientOptions? aws = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Configuration.AddCommandLine(args, Switches);
        builder.AddServiceDefaults("explorer");
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var datasets = DatasetCatalog.Load();
        var options = new ExplorerOptions();
        builder.Configuration.GetSection(ExplorerOptions.Section).Bind(options);
        options.WorkGroup = options.WorkGroup is { Length: > 0 } w ? w : datasets.Deployment.NamePrefixLocal;
        options.Database = options.Database is { Length: > 0 } d ? d : datasets.Deployment.CatalogDatabase;
        var tables = QueryCatalog.TablesOf(datasets);
        foreach (var (variable, table) in options.Tables)
        {
            tables[variable] = table;
        }

        if (!IPAddress.TryParse(options.ListenAddress, out var address))
        {
            throw new ArgumentException($"Explorer:ListenAddress must be an IP address such as 127.0.0.1; got '{options.ListenAddress}'.");
        }

        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(address, options.Port));
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ExplorerJsonContext.Default));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new QueryCatalog(QueryCatalog.BuiltIn(), tables));
        builder.Services.AddSingleton<IAthenaClient>(_ => aws is null ? AwsClientFactory.FromEnvironment().CreateAthena() : new AthenaClient(aws));
        builder.Services.AddSingleton<QueryRunner>();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        MapPage(app);
        MapApi(app);
        return app;
    }

    private static void MapPage(WebApplication app)
    {
        app.MapGet("/", () => StaticAssets.Serve("index.html"));
        app.MapGet("/assets/{file}", (string file) => StaticAssets.Serve(file));
    }

    private static void MapApi(WebApplication app)
    {
        app.MapGet("/api/config", (ExplorerOptions options, QueryCatalog catalog) => Results.Json(
            new ExplorerConfig(
                options.RefreshSeconds,
                options.WorkGroup,
                options.Database,
                [.. catalog.All.Select(q => Describe(catalog, q.Name))],
                catalog.Tables),
            ExplorerJsonContext.Default.ExplorerConfig));

        app.MapGet("/api/queries/{name}", async (string name, QueryCatalog catalog, QueryRunner runner, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (!catalog.Contains(name))
            {
                return Results.NotFound();
            }

            string sql;
            try
            {
                sql = catalog.Render(name);
            }
            catch (KeyNotFoundException e)
            {
                return Results.Json(new QueryResult { Name = name, Sql = "", State = "ERROR", Error = e.Message, AnsweredAt = time.GetUtcNow() }, ExplorerJsonContext.Default.QueryResult);
            }

            return Results.Json(await runner.RunAsync(name, sql, cancellationToken), ExplorerJsonContext.Default.QueryResult);
        });

        app.MapPost("/api/sql", async (HttpRequest request, QueryRunner runner, CancellationToken cancellationToken) =>
        {
            var body = await request.ReadFromJsonAsync(ExplorerJsonContext.Default.SqlRequest, cancellationToken);
            if (body?.Sql is not { } sql || string.IsNullOrWhiteSpace(sql))
            {
                return Results.BadRequest();
            }

            return Results.Json(await runner.RunAsync(null, sql.Trim(), cancellationToken), ExplorerJsonContext.Default.QueryResult);
        });
    }

    private static QueryInfo Describe(QueryCatalog catalog, string name)
    {
        try
        {
            return new QueryInfo(name, catalog.Render(name), null);
        }
        catch (KeyNotFoundException e)
        {
            return new QueryInfo(name, null, e.Message);
        }
    }
}
