using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Athena.Engine;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Athena.Api;

/// <summary>Athena over its JSON 1.1 protocol: <c>POST /</c> with <c>X-Amz-Target: AmazonAthena.&lt;Operation&gt;</c>.</summary>
internal sealed class AthenaEndpoint(AthenaService athena) : IAwsServiceEndpoint
{
    public const string TargetPrefix = "AmazonAthena";

    private const string ContentType = "application/x-amz-json-1.1";

    // StartQueryExecution carries at most 256 KiB of SQL; this only stops an accidental upload.
    private const long MaxRequestBytes = 4 * 1024 * 1024;

    public string SigningName => "athena";

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
        var request = await ReadAsync(context).ConfigureAwait(false);
        var response = operation switch
        {
            "CreateWorkGroup" => Empty(() => athena.CreateWorkGroup(request.Name, request.Configuration, request.Description)),
            "GetWorkGroup" => new AthenaResponse { WorkGroup = athena.GetWorkGroup(request.WorkGroup) },
            "ListWorkGroups" => WorkGroups(request),
            "UpdateWorkGroup" => Empty(() => athena.UpdateWorkGroup(request.WorkGroup, request.Description, request.ConfigurationUpdates, request.State)),
            "DeleteWorkGroup" => Empty(() => athena.DeleteWorkGroup(request.WorkGroup)),
            "StartQueryExecution" => new AthenaResponse { QueryExecutionId = athena.StartQueryExecution(request) },
            "GetQueryExecution" => new AthenaResponse { QueryExecution = athena.GetQueryExecution(request.QueryExecutionId) },
            "BatchGetQueryExecution" => Batch(request),
            "GetQueryResults" => await Results(request, context.RequestAborted).ConfigureAwait(false),
            "StopQueryExecution" => Empty(() => athena.StopQueryExecution(request.QueryExecutionId)),
            "ListQueryExecutions" => Executions(request),
            _ => throw UnknownOperation(operation),
        };

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-RequestId"] = RequestIds.Of(context);
        await JsonSerializer.SerializeAsync(context.Response.Body, response, AthenaApiJsonContext.Default.AthenaResponse, context.RequestAborted).ConfigureAwait(false);
    }

    private static AthenaResponse Empty(Action operation)
    {
        operation();
        return new AthenaResponse();
    }

    private AthenaResponse WorkGroups(AthenaRequest request)
    {
        var (items, next) = athena.ListWorkGroups(request.NextToken, request.MaxResults);
        return new AthenaResponse { WorkGroups = items, NextToken = next };
    }

    private AthenaResponse Batch(AthenaRequest request)
    {
        var (found, unprocessed) = athena.BatchGetQueryExecution(request.QueryExecutionIds);
        return new AthenaResponse { QueryExecutions = found, UnprocessedQueryExecutionIds = unprocessed };
    }

    private AthenaResponse Executions(AthenaRequest request)
    {
        var (ids, next) = athena.ListQueryExecutions(request.WorkGroup, request.NextToken, request.MaxResults);
        return new AthenaResponse { QueryExecutionIds = ids, NextToken = next };
    }

    private async Task<AthenaResponse> Results(AthenaRequest request, CancellationToken cancellationToken)
    {
        var (resultSet, next) = await athena.GetQueryResultsAsync(request.QueryExecutionId, request.NextToken, request.MaxResults, cancellationToken).ConfigureAwait(false);
        return new AthenaResponse { UpdateCount = 0, ResultSet = resultSet, NextToken = next };
    }

    private static AwsServiceException UnknownOperation(string operation) =>
        new("UnknownOperationException", $"LocalCloud's Athena does not implement {operation}.");

    private static async Task<AthenaRequest> ReadAsync(HttpContext context)
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
            return JsonSerializer.Deserialize(bytes, AthenaApiJsonContext.Default.AthenaRequest)
                ?? throw new AwsServiceException("SerializationException", "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException("SerializationException", $"The request body is not valid for the operation: {e.Message}");
        }
    }
}
