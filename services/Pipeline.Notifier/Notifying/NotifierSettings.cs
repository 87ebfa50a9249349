namespace Pipeline.Notifier.Notifying;

/// <summary>The function's configuration (docs/orchestration.md, "Function configuration").</summary>
public sealed record NotifierSettings(string NamePrefix, string TopicArn, string JobLogUrlTemplate)
{
    public const string NamePrefixVariable = "PIPELINE_NAME_PREFIX";
    public const string TopicArnVariable = "PIPELINE_TOPIC_ARN";
    public const string JobLogUrlVariable = "PIPELINE_JOB_LOG_URL";

    /// <summary>The CloudWatch console view of the run's stream in <c>/aws-glue/jobs/output</c>.</summary>
    public const string DefaultJobLogUrlTemplate =
        "https://{region}.console.aws.amazon.com/cloudwatch/home?region={region}#logsV2:log-groups/log-group/$252Faws-glue$252Fjobs$252Foutput/log-events/{job_run_id}";

    public static NotifierSettings FromEnvironment(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var prefix = read(NamePrefixVariable);
        var topic = read(TopicArnVariable);
        if (string.IsNullOrWhiteSpace(prefix))
        {
            throw new InvalidOperationException($"{NamePrefixVariable} is not set: jobs are <prefix>-<dataset>-etl.");
        }

        if (string.IsNullOrWhiteSpace(topic))
        {
            throw new InvalidOperationException($"{TopicArnVariable} is not set: the notifier publishes to that topic.");
        }

        var template = read(JobLogUrlVariable);
        return new NotifierSettings(prefix.Trim(), topic.Trim(), string.IsNullOrWhiteSpace(template) ? DefaultJobLogUrlTemplate : template.Trim());
    }
}
