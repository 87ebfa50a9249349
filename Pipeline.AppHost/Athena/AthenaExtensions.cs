using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.AppHost.LocalCloud;
using Pipeline.Aws;

namespace Pipeline.AppHost.Athena;

public static class AthenaExtensions
{
    /// <summary>
    /// The pipeline's workgroup, with a command that runs a query (by default <paramref name="sampleQuery"/>) and
    /// writes its rows and <c>DataScannedInBytes</c> to the workgroup's console.
    /// </summary>
    public static IResourceBuilder<AthenaWorkGroupResource> AddAthenaWorkGroup(this IResourceBuilder<ProjectResource> cloud, string name, string workGroup, string sampleQuery)
    {
        var aws = cloud.Connection().Clients();
        var resource = new AthenaWorkGroupResource(name, workGroup, cloud.Resource);
        return cloud.AddChild(resource)
            .WithCommand(
                "run-query",
                "Run query",
                async context =>
                {
                    var sql = context.Arguments?.GetString("sql") is { Length: > 0 } given ? given : sampleQuery;
                    var log = context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
                    try
                    {
                        return CommandResults.Success(await SampleQuery.RunAsync(aws.CreateAthena(), workGroup, sql, log, context.CancellationToken));
                    }
                    catch (Exception e) when (e is AthenaQueryFailedException or AwsServiceException)
                    {
                        return CommandResults.Failure(e.Message);
                    }
                },
                new CommandOptions
                {
                    IconName = "DatabaseSearch",
                    Description = "StartQueryExecution, then the rows and DataScannedInBytes in this resource's console.",
                    Arguments =
                    [
                        new InteractionInput { Name = "sql", Label = "SQL", InputType = InputType.Text, Value = sampleQuery, Required = false },
                    ],
                });
    }
}
