using System.Globalization;
using System.Text.Json;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using Pipeline.Aws;
using Pipeline.Aws.Athena;
using Pipeline.Aws.EventBridge;
using Pipeline.Aws.Glue;
using Pipeline.Aws.Lambda;
using Pipeline.AwsShapes.Athena;
using Pipeline.AwsShapes.EventBridge;
using CreateEventSourceMappingRequest = Pipeline.AwsShapes.Lambda.CreateEventSourceMappingRequest;
using FunctionConfiguration = Pipeline.AwsShapes.Lambda.FunctionConfiguration;
using Pipeline.Contracts.Datasets;

namespace Pipeline.Provisioning;

/// <summary>
/// The second half of the flow, provisioned through the AWS APIs as the Terraform modules provision it: the raw-objects
/// queue fed by the bucket's notifications, the catalog with a crawler and an ETL job per dataset, the EventBridge
/// rules to the functions, the notification topic and the Athena workgroup. Idempotent, like <see cref="LocalDeployment"/>.
/// </summary>
public sealed class OrchestrationDeployment(AwsClientFactory aws, DatasetCatalog catalog, PipelineNames names, string accountId, string environment = "local")
{
    private readonly EnvironmentSettings _settings = catalog.Deployment.Environment(environment);

    public PipelineNames Names => names;

    /// <summary>The raw-objects queue with its dead-letter queue; returns the queue's ARN.</summary>
    public async Task<string> CreateRawObjectsQueueAsync(CancellationToken cancellationToken)
    {
        using var sqs = aws.CreateSqs();
        var deadLetterArn = await CreateQueueAsync(sqs, names.RawObjectsDeadLetterQueue, new Dictionary<string, string> { [QueueAttributeName.MessageRetentionPeriod] = "1209600" }, cancellationToken);
        var redrive = $$"""{"deadLetterTargetArn":"{{deadLetterArn}}","maxReceiveCount":"{{_settings.QueueMaxReceiveCount.ToString(CultureInfo.InvariantCulture)}}"}""";
        return await CreateQueueAsync(sqs, names.RawObjectsQueue, new Dictionary<string, string>
        {
            [QueueAttributeName.VisibilityTimeout] = _settings.QueueVisibilityTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            [QueueAttributeName.RedrivePolicy] = redrive,
        }, cancellationToken);
    }

    /// <summary>Every object created under a dataset's raw root is announced on the queue (the error prefix is not).</summary>
    public async Task NotifyQueueOfRawObjectsAsync(string queueArn, CancellationToken cancellationToken)
    {
        using var s3 = aws.CreateS3();
        await s3.PutBucketNotificationAsync(
            new PutBucketNotificationRequest
            {
                BucketName = names.DataLakeBucket,
                QueueConfigurations =
                [
                    .. catalog.All.Select(dataset => new QueueConfiguration
                    {
                        Id = $"raw-{dataset.Name}",
                        Queue = queueArn,
                        Events = [Amazon.S3.EventType.ObjectCreatedAll],
                        Filter = new Filter
                        {
                            S3KeyFilter = new S3KeyFilter { FilterRules = [new FilterRule("prefix", catalog.Deployment.RawRootFor(dataset.Name))] },
                        },
                    }),
                ],
            },
            cancellationToken);
    }

    /// <summary>The crawler trigger drains the queue in batches, reporting the objects it could not cover yet.</summary>
    public async Task ConnectQueueToFunctionAsync(string queueArn, FunctionConfiguration function, CancellationToken cancellationToken)
    {
        var lambda = aws.CreateLambda();
        var existing = await lambda.ListEventSourceMappingsAsync(function.FunctionName, queueArn, cancellationToken);
        if (existing.Count > 0)
        {
            return;
        }

        await lambda.CreateEventSourceMappingAsync(
            new CreateEventSourceMappingRequest
            {
                EventSourceArn = queueArn,
                FunctionName = function.FunctionName,
                BatchSize = _settings.CrawlerTriggerBatchSize,
                MaximumBatchingWindowInSeconds = _settings.CrawlerTriggerBatchingWindowSeconds,
                FunctionResponseTypes = ["ReportBatchItemFailures"],
            },
            cancellationToken);
    }

    /// <summary>The Glue database and one raw crawler per dataset over its raw root.</summary>
    public async Task CreateCatalogAsync(CancellationToken cancellationToken)
    {
        var glue = aws.CreateGlue();
        await IgnoreExistingAsync(() => glue.CreateDatabaseAsync(new DatabaseInput { Name = names.Database, Description = "The pipeline's raw (JSON) and stage (Parquet) tables." }, cancellationToken));
        foreach (var dataset in catalog.All)
        {
            await IgnoreExistingAsync(() => glue.CreateCrawlerAsync(
                new CreateCrawlerRequest
                {
                    Name = names.RawCrawler(dataset.Name),
                    Role = Role($"{names.RawCrawler(dataset.Name)}-crawler"),
                    DatabaseName = names.Database,
                    TablePrefix = catalog.Deployment.RawTablePrefix,
                    Targets = new CrawlerTargets { S3Targets = [new S3Target { Path = $"s3://{names.DataLakeBucket}/{catalog.Deployment.RawRootFor(dataset.Name)}" }] },
                    SchemaChangePolicy = new SchemaChangePolicy { UpdateBehavior = "UPDATE_IN_DATABASE", DeleteBehavior = "LOG" },
                },
                cancellationToken));
        }
    }

    /// <summary>The job script in the data lake, and one ETL job per dataset with the arguments of <c>docs/orchestration.md</c>.</summary>
    public async Task CreateEtlJobsAsync(CancellationToken cancellationToken)
    {
        using (var s3 = aws.CreateS3())
        {
            using var script = new MemoryStream(EtlScript.Read());
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = names.DataLakeBucket, Key = $"scripts/{EtlScript.FileName}", InputStream = script }, cancellationToken);
        }

        var glue = aws.CreateGlue();
        foreach (var dataset in catalog.All)
        {
            await IgnoreExistingAsync(() => glue.CreateJobAsync(
                new CreateJobRequest
                {
                    Name = names.EtlJob(dataset.Name),
                    Role = Role($"{names.EtlJob(dataset.Name)}-job"),
                    Command = new JobCommand { Name = "glueetl", ScriptLocation = names.ScriptLocation, PythonVersion = "3" },
                    GlueVersion = "5.0",
                    WorkerType = "G.1X",
                    NumberOfWorkers = 2,
                    Timeout = 30,
                    ExecutionProperty = new ExecutionProperty(1),
                    DefaultArguments = new Dictionary<string, string>
                    {
                        ["--dataset"] = dataset.Name,
                        ["--database"] = names.Database,
                        ["--raw_table"] = catalog.Deployment.RawTableFor(dataset.Name),
                        ["--stage_table"] = catalog.Deployment.StageTableFor(dataset.Name),
                        ["--stage_path"] = $"s3://{names.DataLakeBucket}/{catalog.Deployment.StagePrefixFor(dataset.Name)}",
                        ["--partition_keys"] = string.Join(',', dataset.StagePartitionKeys),
                        ["--id_field"] = dataset.IdField,
                        ["--time_field"] = dataset.TimeField,
                        ["--output_compression"] = catalog.Deployment.EtlOutputCompression,
                        ["--run_summary_path"] = $"s3://{names.DataLakeBucket}/{catalog.Deployment.JobRunsPrefix}",
                        ["--job-bookmark-option"] = "job-bookmark-enable",
                    },
                },
                cancellationToken));
        }
    }

    /// <summary>The topic every job run is announced on; returns its ARN.</summary>
    public Task<string> CreateNotificationTopicAsync(CancellationToken cancellationToken) =>
        aws.CreateSns().CreateTopicAsync(names.NotificationTopic, cancellationToken);

    /// <summary>Crawls of the raw layer go to the ETL runner; job state changes to the notifier.</summary>
    public async Task CreateRulesAsync(FunctionConfiguration etlRunner, FunctionConfiguration notifier, CancellationToken cancellationToken)
    {
        var events = aws.CreateEventBridge();
        await PutRuleAsync(events, names.CrawlerStateRule, "Glue Crawler State Change", "crawlerName", ["Succeeded", "Failed"], etlRunner, cancellationToken);
        await PutRuleAsync(events, names.JobStateRule, "Glue Job State Change", "jobName", ["SUCCEEDED", "FAILED", "TIMEOUT", "STOPPED"], notifier, cancellationToken);
    }

    /// <summary>The pipeline's workgroup, with its results in the data lake.</summary>
    public async Task CreateWorkGroupAsync(CancellationToken cancellationToken)
    {
        var athena = aws.CreateAthena();
        await IgnoreExistingAsync(() => athena.CreateWorkGroupAsync(
            names.WorkGroup,
            new WorkGroupConfiguration { ResultConfiguration = new ResultConfiguration { OutputLocation = names.AthenaOutput }, EnforceWorkGroupConfiguration = true },
            "Queries over the pipeline's raw and stage tables.",
            cancellationToken));
    }

    private async Task PutRuleAsync(EventBridgeClient events, string rule, string detailType, string nameField, IReadOnlyList<string> states, FunctionConfiguration target, CancellationToken cancellationToken)
    {
        var pattern = GluePattern(detailType, nameField, $"{names.Prefix}-", states);
        await events.PutRuleAsync(new PutRuleInput { Name = rule, EventPattern = pattern, State = RuleStateValues.Enabled }, cancellationToken);
        await events.PutTargetsAsync(rule, [new TargetEntry { Id = target.FunctionName, Arn = target.FunctionArn }], cancellationToken: cancellationToken);
    }

    /// <summary>An event pattern over Glue's state-change events of this deployment's crawlers or jobs.</summary>
    private static string GluePattern(string detailType, string nameField, string namePrefix, IReadOnlyList<string> states)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("source");
            json.WriteStringValue("aws.glue");
            json.WriteEndArray();
            json.WriteStartArray("detail-type");
            json.WriteStringValue(detailType);
            json.WriteEndArray();
            json.WriteStartObject("detail");
            json.WriteStartArray(nameField);
            json.WriteStartObject();
            json.WriteString("prefix", namePrefix);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("state");
            foreach (var state in states)
            {
                json.WriteStringValue(state);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private string Role(string name) => $"arn:aws:iam::{accountId}:role/{name}";

    // CreateQueue is idempotent while the attributes match, so a restart finds the same queue; returns its ARN.
    private static async Task<string> CreateQueueAsync(IAmazonSQS sqs, string name, Dictionary<string, string> attributes, CancellationToken cancellationToken)
    {
        var url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = attributes }, cancellationToken)).QueueUrl;
        return (await sqs.GetQueueAttributesAsync(url, [QueueAttributeName.QueueArn], cancellationToken)).QueueARN;
    }

    private static async Task IgnoreExistingAsync(Func<Task> create)
    {
        try
        {
            await create();
        }
        // Glue answers AlreadyExistsException; Athena an InvalidRequestException "WorkGroup is already created".
        catch (AwsServiceException e) when (e.ErrorCode == "AlreadyExistsException"
            || (e.ErrorCode == "InvalidRequestException" && e.Message.Contains("already", StringComparison.OrdinalIgnoreCase)))
        {
        }
    }
}
