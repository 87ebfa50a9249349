using Microsoft.AspNetCore.Http;
using Pipeline.AwsShapes.Athena;
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
        var json = AthenaJsonContext.Default;
        var operations = new JsonOperations()
            .Add("CreateWorkGroup", json.CreateWorkGroupInput, json.CreateWorkGroupOutput, r =>
            {
                athena.CreateWorkGroup(r.Name, r.Configuration, r.Description);
                return new CreateWorkGroupOutput();
            })
            .Add("GetWorkGroup", json.GetWorkGroupInput, json.GetWorkGroupOutput, r => new GetWorkGroupOutput { WorkGroup = athena.GetWorkGroup(r.WorkGroup) })
            .Add("ListWorkGroups", json.ListWorkGroupsInput, json.ListWorkGroupsOutput, r =>
            {
                var (items, next) = athena.ListWorkGroups(r.NextToken, r.MaxResults);
                return new ListWorkGroupsOutput { WorkGroups = items, NextToken = next };
            })
            .Add("UpdateWorkGroup", json.UpdateWorkGroupInput, json.UpdateWorkGroupOutput, r =>
            {
                athena.UpdateWorkGroup(r.WorkGroup, r.Description, r.ConfigurationUpdates, r.State);
                return new UpdateWorkGroupOutput();
            })
            .Add("DeleteWorkGroup", json.DeleteWorkGroupInput, json.DeleteWorkGroupOutput, r =>
            {
                athena.DeleteWorkGroup(r.WorkGroup);
                return new DeleteWorkGroupOutput();
            })
            .Add("StartQueryExecution", json.StartQueryExecutionRequest, json.StartQueryExecutionOutput, r => new StartQueryExecutionOutput { QueryExecutionId = athena.StartQueryExecution(r) })
            .Add("GetQueryExecution", json.GetQueryExecutionInput, json.GetQueryExecutionOutput, r => new GetQueryExecutionOutput { QueryExecution = athena.GetQueryExecution(r.QueryExecutionId) })
            .Add("BatchGetQueryExecution", json.BatchGetQueryExecutionInput, json.BatchGetQueryExecutionOutput, r =>
            {
                var (found, unprocessed) = athena.BatchGetQueryExecution(r.QueryExecutionIds);
                return new BatchGetQueryExecutionOutput { QueryExecutions = found, UnprocessedQueryExecutionIds = unprocessed };
            })
            .Add("GetQueryResults", json.GetQueryResultsInput, json.GetQueryResultsPage, async (GetQueryResultsInput r, CancellationToken ct) =>
            {
                var (resultSet, next) = await athena.GetQueryResultsAsync(r.QueryExecutionId, r.NextToken, r.MaxResults, ct).ConfigureAwait(false);
                return new GetQueryResultsPage { UpdateCount = 0, ResultSet = resultSet, NextToken = next };
            })
            .Add("StopQueryExecution", json.StopQueryExecutionInput, json.StopQueryExecutionOutput, r =>
            {
                athena.StopQueryExecution(r.QueryExecutionId);
                return new StopQueryExecutionOutput();
            })
            .Add("ListQueryExecutions", json.ListQueryExecutionsInput, json.ListQueryExecutionsOutput, r =>
            {
                var (ids, next) = athena.ListQueryExecutions(r.WorkGroup, r.NextToken, r.MaxResults);
                return new ListQueryExecutionsOutput { QueryExecutionIds = ids, NextToken = next };
            });
        _protocol = new JsonProtocol(SigningName, "Athena", TargetPrefix, "1.1", operations);
    }

    public string SigningName => "athena";

    public AwsProtocol Protocol => AwsProtocol.Json;

    public Task HandleAsync(HttpContext context) => _protocol.HandleAsync(context);
}
