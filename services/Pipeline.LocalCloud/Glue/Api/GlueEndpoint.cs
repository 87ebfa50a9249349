using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Glue.Crawlers;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Glue.Api;

/// <summary>
/// Glue's Data Catalog over its JSON 1.1 protocol: <c>POST /</c> with <c>X-Amz-Target: AWSGlue.&lt;Operation&gt;</c>.
/// The operations are thin: the catalog checks and answers.
/// </summary>
internal sealed class GlueEndpoint(IGlueCatalog catalog, CrawlerApi crawlerApi) : IAwsServiceEndpoint
{
    public const string TargetPrefix = "AWSGlue";

    private const string ContentType = "application/x-amz-json-1.1";

    // Requests are small JSON documents; this only stops an accidental upload.
    private const long MaxRequestBytes = 16 * 1024 * 1024;

    public string SigningName => "glue";

    public AwsProtocol Protocol => AwsProtocol.Json;

    public async Task HandleAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        if (!HttpMethods.IsPost(context.Request.Method) || dot < 0 || target[..dot] != TargetPrefix)
        {
            throw UnknownOperation(target.Length > 0 ? target : $"{context.Request.Method} {context.Request.Path}");
        }

        var operation = target[(dot + 1)..];
        var ct = context.RequestAborted;
        if (await Jobs.Api.GlueJobsApi.TryHandleAsync(context, operation).ConfigureAwait(false))
        {
            return;
        }

        if (CrawlerApi.Handles(operation))
        {
            await HandleCrawlerAsync(context, operation, ct).ConfigureAwait(false);
            return;
        }

        var request = await ReadAsync(context, GlueApiJsonContext.Default.GlueRequest).ConfigureAwait(false);
        var response = operation switch
        {
            "CreateDatabase" => await Empty<GlueResponse>(catalog.CreateDatabaseAsync(request.DatabaseInput ?? throw Missing("databaseInput"), ct)).ConfigureAwait(false),
            "GetDatabase" => new GlueResponse { Database = await catalog.GetDatabaseAsync(request.Name ?? throw Missing("name"), ct).ConfigureAwait(false) },
            "GetDatabases" => await Databases(request, ct).ConfigureAwait(false),
            "DeleteDatabase" => await Empty<GlueResponse>(catalog.DeleteDatabaseAsync(request.Name ?? throw Missing("name"), ct)).ConfigureAwait(false),
            "CreateTable" => await Empty<GlueResponse>(catalog.CreateTableAsync(Database(request), request.TableInput ?? throw Missing("tableInput"), ct)).ConfigureAwait(false),
            "GetTable" => new GlueResponse { Table = await catalog.GetTableAsync(Database(request), request.Name ?? throw Missing("name"), ct).ConfigureAwait(false) },
            "GetTables" => await Tables(request, ct).ConfigureAwait(false),
            "UpdateTable" => await Empty<GlueResponse>(catalog.UpdateTableAsync(Database(request), request.TableInput ?? throw Missing("tableInput"), ct)).ConfigureAwait(false),
            "DeleteTable" => await Empty<GlueResponse>(catalog.DeleteTableAsync(Database(request), request.Name ?? throw Missing("name"), ct)).ConfigureAwait(false),
            "BatchCreatePartition" => new GlueResponse
            {
                Errors = await catalog.BatchCreatePartitionAsync(Database(request), TableName(request), request.PartitionInputList ?? throw Missing("partitionInputList"), ct).ConfigureAwait(false),
            },
            "GetPartition" => new GlueResponse
            {
                Partition = await catalog.GetPartitionAsync(Database(request), TableName(request), request.PartitionValues ?? throw Missing("partitionValues"), ct).ConfigureAwait(false),
            },
            "BatchGetPartition" => new GlueResponse
            {
                Partitions = await catalog.BatchGetPartitionAsync(Database(request), TableName(request), (request.PartitionsToGet ?? throw Missing("partitionsToGet")).Select(p => (IReadOnlyList<string>)(p.Values ?? [])).ToList(), ct).ConfigureAwait(false),
                UnprocessedKeys = [],
            },
            "GetPartitions" => await Partitions(request, ct).ConfigureAwait(false),
            _ => throw UnknownOperation(operation),
        };

        await WriteAsync(context, response, GlueApiJsonContext.Default.GlueResponse).ConfigureAwait(false);
    }

    private async Task HandleCrawlerAsync(HttpContext context, string operation, CancellationToken ct)
    {
        var request = await ReadAsync(context, GlueApiJsonContext.Default.CreateCrawlerRequest).ConfigureAwait(false);
        var response = await crawlerApi.HandleAsync(operation, request, ct).ConfigureAwait(false);
        await WriteAsync(context, response, GlueApiJsonContext.Default.CrawlerResponse).ConfigureAwait(false);
    }

    private static async Task WriteAsync<T>(HttpContext context, T response, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-RequestId"] = RequestIds.Of(context);
        await JsonSerializer.SerializeAsync(context.Response.Body, response, type, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<GlueResponse> Databases(GlueRequest request, CancellationToken ct)
    {
        var page = await catalog.GetDatabasesAsync(request.NextToken, request.MaxResults, ct).ConfigureAwait(false);
        return new GlueResponse { DatabaseList = page.Items, NextToken = page.NextToken };
    }

    private async Task<GlueResponse> Tables(GlueRequest request, CancellationToken ct)
    {
        var page = await catalog.GetTablesAsync(Database(request), request.Expression, request.NextToken, request.MaxResults, ct).ConfigureAwait(false);
        return new GlueResponse { TableList = page.Items, NextToken = page.NextToken };
    }

    private async Task<GlueResponse> Partitions(GlueRequest request, CancellationToken ct)
    {
        var page = await catalog.GetPartitionsAsync(Database(request), TableName(request), request.Expression, request.NextToken, request.MaxResults, ct).ConfigureAwait(false);
        return new GlueResponse { Partitions = page.Items, NextToken = page.NextToken };
    }

    // Operations whose output has no members answer {} once they succeed.
    private static async Task<TResponse> Empty<TResponse>(Task operation)
        where TResponse : new()
    {
        await operation.ConfigureAwait(false);
        return new TResponse();
    }

    private static string Database(GlueRequest request) => request.DatabaseName ?? throw Missing("databaseName");

    private static string TableName(GlueRequest request) => request.TableName ?? throw Missing("tableName");

    private static AwsServiceException Missing(string member) =>
        GlueErrors.InvalidInput($"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");

    private static AwsServiceException UnknownOperation(string operation) =>
        new("UnknownOperationException", $"LocalCloud's Glue does not implement {operation}.");

    private static async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
    {
        if (context.Request.ContentLength > MaxRequestBytes)
        {
            throw new AwsServiceException("RequestEntityTooLarge", $"The request body is larger than LocalCloud's {MaxRequestBytes} bytes.", StatusCodes.Status413RequestEntityTooLarge);
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var bytes = body.Length == 0 ? "{}"u8.ToArray() : body.ToArray();
        try
        {
            return JsonSerializer.Deserialize(bytes, type)
                ?? throw new AwsServiceException("SerializationException", "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException("SerializationException", $"The request body is not valid for the operation: {e.Message}");
        }
    }
}
