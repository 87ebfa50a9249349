using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.AwsShapes.Athena;
using Pipeline.LocalCloud.Athena;
using Pipeline.LocalCloud.Athena.Engine;

namespace Pipeline.UnitTests.LocalCloud.Athena;

/// <summary>The Athena service over an <see cref="AthenaHarness"/>, with a helper that waits for a query to finish.</summary>
internal sealed class ServiceHarness : IDisposable
{
    private ServiceHarness(AthenaHarness data, AthenaOptions options)
    {
        Data = data;
        Service = new AthenaService(data.Catalog, data.Store, data.Options, options, TimeProvider.System, NullLogger<AthenaService>.Instance);
    }

    public AthenaHarness Data { get; }

    public AthenaService Service { get; }

    public static async Task<ServiceHarness> CreateAsync(int maxConcurrentQueries = 2) =>
        new(await AthenaHarness.CreateAsync(), new AthenaOptions { MaxConcurrentQueries = maxConcurrentQueries });

    public string Start(string sql, string? workGroup = null, string? output = "s3://results/out/", string? token = null) =>
        Service.StartQueryExecution(new StartQueryExecutionRequest
        {
            QueryString = sql,
            WorkGroup = workGroup,
            ClientRequestToken = token,
            QueryExecutionContext = new QueryExecutionContext { Database = "tele" },
            ResultConfiguration = output is null ? null : new ResultConfiguration { OutputLocation = output },
        });

    public async Task<QueryExecution> WaitAsync(string id, Func<string?, bool>? until = null)
    {
        until ??= s => s is QueryExecutionStateValues.Succeeded or QueryExecutionStateValues.Failed or QueryExecutionStateValues.Cancelled;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var execution = Service.GetQueryExecution(id);
            if (until(execution.Status!.State) || DateTime.UtcNow > deadline)
            {
                return execution;
            }

            await Task.Delay(25);
        }
    }

    public void Dispose()
    {
        Service.Dispose();
        Data.Dispose();
    }
}
