using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Athena.Engine;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Athena.Api;

/// <summary>Athena over its JSON 1.1 protocol: <c>POST /</c> with <c>X-Amz-Target: AmazonAthena.&lt;Operation&gt;</c>.</summary>
internal sealed class AthenaEndpoint : IAwsServiceEndpoint
{
    public const string TargetPrefix = "AmazonAthena";

    private readonly JsonProtocol _protocol;

    public AthenaEndpoint(AthenaService athena)
    {
        var request = AthenaApiJsonContext.Default.AthenaRequest;
        var response = AthenaApiJsonContext.Default.AthenaResponse;
        var operations = new JsonOperations()
            .Add("CreateWorkGroup", request, response, r => Empty(() => athena.CreateWorkGroup(r.Name, r.Configuration, r.Description)))
            .Add("GetWorkGroup", request, response, r => new AthenaResponse { WorkGroup = athena.GetWorkGroup(r.WorkGroup) })
            .Add("ListWorkGroups", request, response, r =>
            {
                var (items, next) = athena.ListWorkGroups(r.NextToken, r.MaxResults);
                return new AthenaResponse { WorkGroups = items, NextToken = next };
            })
            .Add("UpdateWorkGroup", request, response, r => Empty(() => athena.UpdateWorkGroup(r.WorkGroup, r.Description, r.ConfigurationUpdates, r.State)))
            .Add("DeleteWorkGroup", request, response, r => Empty(() => athena.DeleteWorkGroup(r.WorkGroup)))
            .Add("StartQueryExecution", request, response, r => new AthenaResponse { QueryExecutionId = athena.StartQueryExecution(r) })
            .Add("GetQueryExecution", request, response, r => new AthenaResponse { QueryExecution = athena.GetQueryExecution(r.QueryExecutionId) })
            .Add("BatchGetQueryExecution", request, response, r =>
            {
                var (found, unprocessed) = athena.BatchGetQueryExecution(r.QueryExecutionIds);
                return new AthenaResponse { QueryExecutions = found, UnprocessedQueryExecutionIds = unprocessed };
            })
            .Add("GetQueryResults", request, response, async (AthenaRequest r, CancellationToken ct) =>
            {
                var (resultSet, next) = await athena.GetQueryResultsAsync(r.QueryExecutionId, r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new AthenaResponse { UpdateCount = 0, ResultSet = resultSet, NextToken = next };
            })
            .Add("StopQueryExecution", request, response, r => Empty(() => athena.StopQueryExecution(r.QueryExecutionId)))
            .Add("ListQueryExecutions", request, response, r =>
            {
                var (ids, next) = athena.ListQueryExecutions(r.WorkGroup, r.NextToken, r.MaxResults);
                return new AthenaResponse { QueryExecutionIds = ids, NextToken = next };
            });
        _protocol = new JsonProtocol(SigningName, "Athena", TargetPrefix, "1.1", operations);
    }

    public string SigningName => "athena";

    public AwsProtocol Protocol => AwsProtocol.Json;

    public Task HandleAsync(HttpContext context) => _protocol.HandleAsync(context);

    private static AthenaResponse Empty(Action operation)
    {
        operation();
        return new AthenaResponse();
    }
}
