using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Glue.Jobs.Api;

/// <summary>Glue's job operations over JSON 1.1, dispatched from the Glue endpoint by operation name.</summary>
internal static class GlueJobsApi
{
    private const string ContentType = "application/x-amz-json-1.1";

    private const long MaxRequestBytes = 16 * 1024 * 1024;

    private static readonly HashSet<string> Operations = new(StringComparer.Ordinal)
    {
        "CreateJob", "GetJob", "GetJobs", "ListJobs", "UpdateJob", "DeleteJob",
        "StartJobRun", "GetJobRun", "GetJobRuns", "BatchStopJobRun",
    };

    public static bool Handles(string operation) => Operations.Contains(operation);

    /// <summary>Answers the operation if it is a job operation; false for any other operation.</summary>
    public static async Task<bool> TryHandleAsync(HttpContext context, string operation)
    {
        if (!Handles(operation))
        {
            return false;
        }

        var jobs = context.RequestServices.GetRequiredService<GlueJobs>();
        var ct = context.RequestAborted;
        var request = await ReadAsync(context).ConfigureAwait(false);
        var response = operation switch
        {
            "CreateJob" => new JobsResponse { Name = (await jobs.CreateAsync(request.Name, request.Definition(), ct).ConfigureAwait(false)).Name },
            "GetJob" => new JobsResponse { Job = await jobs.GetAsync(request.JobName, ct).ConfigureAwait(false) },
            "GetJobs" => await JobPage(jobs, request, names: false, ct).ConfigureAwait(false),
            "ListJobs" => await JobPage(jobs, request, names: true, ct).ConfigureAwait(false),
            "UpdateJob" => new JobsResponse { JobName = await jobs.UpdateAsync(request.JobName, request.JobUpdate, ct).ConfigureAwait(false) },
            "DeleteJob" => new JobsResponse { JobName = await jobs.DeleteAsync(request.JobName, ct).ConfigureAwait(false) },
            "StartJobRun" => new JobsResponse { JobRunId = await jobs.StartRunAsync(request, ct).ConfigureAwait(false) },
            "GetJobRun" => new JobsResponse { JobRun = await jobs.GetRunAsync(request.JobName, request.RunId, ct).ConfigureAwait(false) },
            "GetJobRuns" => await RunPage(jobs, request, ct).ConfigureAwait(false),
            _ => await Stop(jobs, request, ct).ConfigureAwait(false),
        };

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-RequestId"] = RequestIds.Of(context);
        await JsonSerializer.SerializeAsync(context.Response.Body, response, GlueJobsJsonContext.Default.JobsResponse, ct).ConfigureAwait(false);
        return true;
    }

    private static async Task<JobsResponse> JobPage(GlueJobs jobs, JobsRequest request, bool names, CancellationToken ct)
    {
        var page = await jobs.ListAsync(request.NextToken, request.MaxResults, ct).ConfigureAwait(false);
        return names
            ? new JobsResponse { JobNames = page.Items.Select(j => j.Name!).ToList(), NextToken = page.NextToken }
            : new JobsResponse { Jobs = page.Items, NextToken = page.NextToken };
    }

    private static async Task<JobsResponse> RunPage(GlueJobs jobs, JobsRequest request, CancellationToken ct)
    {
        var page = await jobs.GetRunsAsync(request.JobName, request.NextToken, request.MaxResults, ct).ConfigureAwait(false);
        return new JobsResponse { JobRuns = page.Items, NextToken = page.NextToken };
    }

    private static async Task<JobsResponse> Stop(GlueJobs jobs, JobsRequest request, CancellationToken ct)
    {
        var result = await jobs.StopRunsAsync(request.JobName, request.JobRunIds, ct).ConfigureAwait(false);
        return new JobsResponse { SuccessfulSubmissions = result.SuccessfulSubmissions, Errors = result.Errors };
    }

    private static async Task<JobsRequest> ReadAsync(HttpContext context)
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
            return JsonSerializer.Deserialize(bytes, GlueJobsJsonContext.Default.JobsRequest)
                ?? throw new AwsServiceException("SerializationException", "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException("SerializationException", $"The request body is not valid for the operation: {e.Message}");
        }
    }
}
