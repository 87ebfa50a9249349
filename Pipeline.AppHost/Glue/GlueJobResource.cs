using Aspire.Hosting.ApplicationModel;
using Pipeline.AppHost.LocalCloud;
using Pipeline.Aws;
using Pipeline.Aws.Glue;

namespace Pipeline.AppHost.Glue;

/// <summary>A dataset's ETL job: its latest run's state.</summary>
public sealed class GlueJobResource(string name, string jobName, string dataset, ProjectResource cloud)
    : LocalCloudChildResource(name, jobName, cloud)
{
    public string Dataset { get; } = dataset;

    public override string ResourceType => "Glue job";

    public override async Task<ResourceReading> ReadAsync(AwsClientFactory aws, CancellationToken cancellationToken)
    {
        GetJobRunsPage runs;
        try
        {
            runs = await aws.CreateGlue().GetJobRunsAsync(AwsName, maxResults: 1, cancellationToken: cancellationToken);
        }
        catch (AwsServiceException e) when (e.ErrorCode == GlueErrorCodes.EntityNotFound)
        {
            return ResourceNotFound;
        }

        var latest = runs.JobRuns?.FirstOrDefault();
        var state = latest?.JobRunState switch
        {
            null => new ResourceStateSnapshot(KnownResourceStates.Running, KnownResourceStateStyles.Success),
            JobRunState.Starting or JobRunState.Running or JobRunState.Waiting => new ResourceStateSnapshot("Job running", KnownResourceStateStyles.Info),
            JobRunState.Succeeded => new ResourceStateSnapshot(KnownResourceStates.Running, KnownResourceStateStyles.Success),
            JobRunState.Stopping or JobRunState.Stopped => new ResourceStateSnapshot("Last run stopped", KnownResourceStateStyles.Warn),
            _ => new ResourceStateSnapshot("Last run " + latest.JobRunState.ToString()!.ToUpperInvariant(), KnownResourceStateStyles.Error),
        };
        return new ResourceReading(
            state,
            [
                new("aws.glue.job.last_run", latest?.Id ?? "no runs yet") { DisplayName = "Last run" },
                new("aws.glue.job.last_state", latest?.JobRunState?.ToString() ?? "") { DisplayName = "Last run state" },
                new("aws.glue.job.last_started", latest?.StartedOn?.ToString("O") ?? "") { DisplayName = "Last run started" },
                new("aws.glue.job.last_error", latest?.ErrorMessage ?? "") { DisplayName = "Last run error" },
            ]);
    }
}
