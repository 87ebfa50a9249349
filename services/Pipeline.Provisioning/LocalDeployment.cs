using Amazon.S3;
using Amazon.S3.Model;
using Pipeline.Aws;
using Pipeline.Aws.Firehose;
using Pipeline.Aws.Lambda;
using Pipeline.AwsShapes.Lambda;
using Pipeline.Contracts.Datasets;
using Pipeline.AwsShapes.Firehose;

namespace Pipeline.Provisioning;

/// <summary>
/// Provisions the local deployment through the AWS APIs, the way Terraform provisions AWS, from the same
/// description (datasets.json): the data-lake bucket, the functions, one delivery stream per dataset.
/// Idempotent: what exists already is kept, so state in the data directory survives restarts.
/// </summary>
public sealed class LocalDeployment(AwsClientFactory aws, DatasetCatalog catalog, string accountId, string environment = "local")
{
    public string NamePrefix { get; } = catalog.Deployment.NamePrefixLocal;

    public PipelineNames Names { get; } = new(catalog.Deployment.NamePrefixLocal, catalog.Deployment);

    public string DataLakeBucket => Names.DataLakeBucket;

    /// <summary>Where LocalCloud keeps a Glue job run's log, relative to its data directory (the notifier URL-escapes the job name).</summary>
    private const string JobLogTemplate = "glue/job-logs/{job_name}/{job_run_id}.log";

    public IReadOnlyList<StreamDeployment> Streams { get; } = catalog.All
        .OrderBy(d => d.Name, StringComparer.Ordinal)
        .Select(d => new StreamDeployment(
            d.Name,
            DeploymentDescription.ResourceName(catalog.Deployment.NamePrefixLocal, d.Name),
            catalog.Deployment.RawPrefixFor(d.Name),
            catalog.Deployment.ErrorPrefixFor(d.Name)))
        .ToArray();

    public async Task CreateDataLakeAsync(CancellationToken cancellationToken)
    {
        using var s3 = aws.CreateS3();
        try
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = DataLakeBucket }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }
    }

    /// <summary>
    /// Deploys the pipeline's four functions from the executables built beside this program, configured as
    /// <c>docs/orchestration.md</c> says. LocalCloud gives every function process its own OpenTelemetry settings.
    /// </summary>
    public async Task<PipelineFunctions> DeployFunctionsAsync(string notificationTopicArn, string dataDirectory, CancellationToken cancellationToken)
    {
        var shared = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PIPELINE_NAME_PREFIX"] = NamePrefix,
        };
        if (Environment.GetEnvironmentVariable(DatasetCatalog.FileVariable) is { Length: > 0 } datasets)
        {
            shared[DatasetCatalog.FileVariable] = Path.GetFullPath(datasets);
        }

        var notifier = new Dictionary<string, string>(shared, StringComparer.Ordinal)
        {
            ["PIPELINE_TOPIC_ARN"] = notificationTopicArn,
            ["PIPELINE_JOB_LOG_URL"] = new Uri(Path.Combine(Path.GetFullPath(dataDirectory), JobLogTemplate)).ToString().Replace("%7B", "{", StringComparison.Ordinal).Replace("%7D", "}", StringComparison.Ordinal),
        };

        return new PipelineFunctions(
            await DeployFunctionAsync("firehose-transformer", FunctionPackage.ForBuiltAssembly(Executables.PathOf("Pipeline.FirehoseTransformer")), shared, cancellationToken),
            await DeployFunctionAsync("crawler-trigger", FunctionPackage.ForBuiltAssembly(Executables.PathOf("Pipeline.CrawlerTrigger")), shared, cancellationToken),
            await DeployFunctionAsync("etl-runner", FunctionPackage.ForBuiltAssembly(Executables.PathOf("Pipeline.EtlJobRunner")), shared, cancellationToken),
            await DeployFunctionAsync("notifier", FunctionPackage.ForBuiltAssembly(Executables.PathOf("Pipeline.Notifier")), notifier, cancellationToken));
    }

    /// <summary>
    /// Creates the function from the package or, when an earlier run on this data directory left it, updates its code
    /// and configuration in place, so that it runs the code just built. It is not deleted and created again: on a
    /// second run LocalCloud resumes the earlier run's work (undelivered Firehose records, the raw-objects queue's
    /// messages) while provisioning runs, and an invocation between the two would fail for want of the function (the
    /// event source mapping then stalls until the messages' visibility timeout).
    /// </summary>
    public async Task<FunctionConfiguration> DeployFunctionAsync(string function, byte[] package, IReadOnlyDictionary<string, string>? variables, CancellationToken cancellationToken)
    {
        var lambda = aws.CreateLambda();
        var name = Names.Function(function);
        var wanted = new CreateFunctionRequest
        {
            FunctionName = name,
            Runtime = "provided.al2023",
            Role = $"arn:aws:iam::{accountId}:role/{name}",
            Handler = "bootstrap",
            Code = new FunctionCode { ZipFile = package },
            Timeout = 60,
            MemorySize = 512,
            Architectures = ["x86_64"],
            Environment = variables is null ? null : new FunctionEnvironment { Variables = variables },
        };
        try
        {
            await lambda.GetFunctionAsync(name, cancellationToken);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ResourceNotFoundException")
        {
            return await lambda.CreateFunctionAsync(wanted, cancellationToken);
        }

        await lambda.UpdateFunctionCodeAsync(name, package, wanted.Architectures, cancellationToken);
        return await lambda.UpdateFunctionConfigurationAsync(
            name,
            new UpdateFunctionConfigurationRequest
            {
                Role = wanted.Role,
                Runtime = wanted.Runtime,
                Handler = wanted.Handler,
                Timeout = wanted.Timeout,
                MemorySize = wanted.MemorySize,

                // Replaces every variable, so that none is left from an older deployment.
                Environment = wanted.Environment ?? new FunctionEnvironment { Variables = new Dictionary<string, string>() },
            },
            cancellationToken);
    }

    /// <summary>One delivery stream per dataset into the data lake, transformed by <paramref name="transformer"/>.</summary>
    public async Task CreateDeliveryStreamsAsync(FunctionConfiguration transformer, CancellationToken cancellationToken)
    {
        var firehose = aws.CreateFirehose();
        var settings = catalog.Deployment.Environment(environment);
        foreach (var stream in Streams)
        {
            try
            {
                await firehose.CreateDeliveryStreamAsync(
                    new CreateDeliveryStreamInput
                    {
                        DeliveryStreamName = stream.StreamName,
                        ExtendedS3DestinationConfiguration = new ExtendedS3DestinationConfiguration
                        {
                            BucketARN = $"arn:aws:s3:::{DataLakeBucket}",
                            RoleARN = $"arn:aws:iam::{accountId}:role/{stream.StreamName}-firehose",
                            Prefix = stream.RawPrefix,
                            ErrorOutputPrefix = stream.ErrorPrefix,
                            CompressionFormat = settings.Compression,
                            BufferingHints = new BufferingHints { SizeInMBs = settings.BufferSizeMib, IntervalInSeconds = settings.BufferIntervalSeconds },
                            ProcessingConfiguration = new ProcessingConfiguration
                            {
                                Enabled = true,
                                Processors =
                                [
                                    new Processor
                                    {
                                        Type = "Lambda",
                                        Parameters =
                                        [
                                            new ProcessorParameter { ParameterName = "LambdaArn", ParameterValue = transformer.FunctionArn },
                                            new ProcessorParameter { ParameterName = "BufferSizeInMBs", ParameterValue = settings.ProcessorBufferSizeMib.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                                            new ProcessorParameter { ParameterName = "BufferIntervalInSeconds", ParameterValue = settings.ProcessorBufferIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                                        ],
                                    },
                                ],
                            },
                        },
                    },
                    cancellationToken);
            }
            catch (AwsServiceException e) when (e.ErrorCode == "ResourceInUseException")
            {
                // Kept from an earlier run with its buffered records; its Lambda ARN is the same name.
            }
        }
    }
}
