using Pipeline.AwsShapes.Glue;

namespace Pipeline.LocalCloud.Glue.Jobs;

/// <summary>The <c>Glue Job State Change</c> events Glue sends for finished runs (none for STARTING, RUNNING, STOPPING).</summary>
internal static class JobStateEvents
{
    public const string Source = "aws.glue";

    public const string DetailType = "Glue Job State Change";

    /// <summary>The event's detail for a finished run; null for a state Glue sends no event for.</summary>
    public static JobStateChangeDetail? For(string jobName, string jobRunId, string? state, string? errorMessage) => state switch
    {
        JobRunStateValues.Succeeded => new(jobName, "INFO", "SUCCEEDED", jobRunId, "Job run succeeded"),
        JobRunStateValues.Stopped => new(jobName, "INFO", "STOPPED", jobRunId, "Job run stopped"),
        JobRunStateValues.Timeout => new(jobName, "WARN", "TIMEOUT", jobRunId, "Job run timed out"),
        JobRunStateValues.Failed => new(jobName, "ERROR", "FAILED", jobRunId, $"JobName:{jobName} and JobRunId:{jobRunId} failed to execute with exception {errorMessage}"),
        _ => null,
    };
}

/// <summary>The detail of a <c>Glue Job State Change</c> event; every value a string, in AWS's member order.</summary>
internal sealed record JobStateChangeDetail(
    [property: System.Text.Json.Serialization.JsonPropertyName("jobName")] string JobName,
    [property: System.Text.Json.Serialization.JsonPropertyName("severity")] string Severity,
    [property: System.Text.Json.Serialization.JsonPropertyName("state")] string State,
    [property: System.Text.Json.Serialization.JsonPropertyName("jobRunId")] string JobRunId,
    [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message);
