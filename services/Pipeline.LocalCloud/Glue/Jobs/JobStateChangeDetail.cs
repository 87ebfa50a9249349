namespace Pipeline.LocalCloud.Glue.Jobs;

/// <summary>The detail of a <c>Glue Job State Change</c> event; every value a string, in AWS's member order.</summary>
internal sealed record JobStateChangeDetail(
    [property: System.Text.Json.Serialization.JsonPropertyName("jobName")] string JobName,
    [property: System.Text.Json.Serialization.JsonPropertyName("severity")] string Severity,
    [property: System.Text.Json.Serialization.JsonPropertyName("state")] string State,
    [property: System.Text.Json.Serialization.JsonPropertyName("jobRunId")] string JobRunId,
    [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message);
