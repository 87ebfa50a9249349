using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.AwsShapes.Firehose;
using Pipeline.LocalCloud.Firehose.Api;
using Pipeline.LocalCloud.Firehose.Prefixes;

namespace Pipeline.LocalCloud.Firehose.Configuration;

/// <summary>
/// Checks a CreateDeliveryStream request in AWS's two steps: the model's constraints (ValidationException, before
/// anything else) and the service's rules (InvalidArgumentException), then derives the settings delivery runs on.
/// Pure: the bucket's existence is the caller's check.
/// </summary>
internal static partial class DeliveryStreamSettingsFactory
{
    public const string DirectPut = "DirectPut";

    public const int DefaultSizeInMBs = 5;

    public const int DefaultIntervalInSeconds = 300;

    private const string NamePattern = "[a-zA-Z0-9_.-]+";
    private const string RoleArnPattern = @"arn:.*:iam::\d{12}:role/[a-zA-Z_0-9+=,.@\-_/]+";
    private const string BucketArnPattern = @"arn:.*:s3:::[\w\.\-]{1,255}";
    private const string ParameterValuePattern = @"^(?!\s*$).+";
    private const string FileExtensionPattern = @"^$|\.[0-9a-z!\-_.*'()]+";
    private const string CustomTimeZonePattern = "^$|[a-zA-Z/_]+";

    // The model's patterns match the whole value (the parameter value's is anchored already); checked once per CreateDeliveryStream.
    private static readonly Regex RoleArnRegex = Whole(RoleArnPattern);
    private static readonly Regex BucketArnRegex = Whole(BucketArnPattern);
    private static readonly Regex ParameterValueRegex = new(ParameterValuePattern, RegexOptions.CultureInvariant);
    private static readonly Regex FileExtensionRegex = Whole(FileExtensionPattern);
    private static readonly Regex CustomTimeZoneRegex = Whole(CustomTimeZonePattern);

    private static readonly Dictionary<string, string[]> ParametersByProcessor = new(StringComparer.Ordinal)
    {
        ["Lambda"] = ["LambdaArn", "NumberOfRetries", "RoleArn", "BufferSizeInMBs", "BufferIntervalInSeconds"],
        ["MetadataExtraction"] = ["MetadataExtractionQuery", "JsonParsingEngine"],
        ["AppendDelimiterToRecord"] = ["Delimiter"],
    };

    /// <summary>The stream name constraint every operation shares.</summary>
    public static void ValidateName(string? name, ValidationErrors errors, string path = "deliveryStreamName")
    {
        errors.Required(name, path);
        errors.String(name, path, 1, 64, NameRegex(), NamePattern);
    }

    /// <summary>The model's constraints on CreateDeliveryStream; throws ValidationException.</summary>
    public static void ValidateRequest(CreateDeliveryStreamInput input)
    {
        var errors = new ValidationErrors();
        ValidateName(input.DeliveryStreamName, errors);
        errors.OneOf(input.DeliveryStreamType, "deliveryStreamType", DeliveryStreamTypeValues.All);
        ValidateDestination(input.ExtendedS3DestinationConfiguration, "extendedS3DestinationConfiguration", errors);
        ValidateDestination(Extended(input.S3DestinationConfiguration), "s3DestinationConfiguration", errors);
        errors.ThrowIfAny();
    }

    /// <summary>
    /// The service's rules on a request that passed <see cref="ValidateRequest"/>: one supported S3 destination,
    /// supported options, the prefix rules. Returns the destination to store; throws InvalidArgumentException.
    /// </summary>
    public static (DestinationKind Kind, ExtendedS3DestinationConfiguration Destination) SelectDestination(CreateDeliveryStreamInput input)
    {
        if ((input.DeliveryStreamType ?? DirectPut) != DirectPut)
        {
            throw FirehoseErrors.InvalidArgument($"LocalCloud supports only DirectPut delivery streams, not {input.DeliveryStreamType}.");
        }

        foreach (var member in OtherMembers(input))
        {
            if (member.EndsWith("DestinationConfiguration", StringComparison.Ordinal))
            {
                throw FirehoseErrors.InvalidArgument($"LocalCloud delivers only to Amazon S3; {member} is not supported.");
            }

            if (member.EndsWith("SourceConfiguration", StringComparison.Ordinal) && member != "DirectPutSourceConfiguration")
            {
                throw FirehoseErrors.InvalidArgument($"LocalCloud supports only DirectPut delivery streams; {member} is not supported.");
            }
        }

        return (input.ExtendedS3DestinationConfiguration, Extended(input.S3DestinationConfiguration)) switch
        {
            ({ } extended, null) => (DestinationKind.ExtendedS3, extended),
            (null, { } plain) => (DestinationKind.S3, plain),
            (null, null) => throw FirehoseErrors.InvalidArgument("A destination configuration is required: ExtendedS3DestinationConfiguration or S3DestinationConfiguration."),
            _ => throw FirehoseErrors.InvalidArgument("Only one destination configuration can be specified."),
        };
    }

    /// <summary>The settings of a stored stream; throws InvalidArgumentException for what the service does not accept.</summary>
    public static DeliveryStreamSettings Create(StoredDeliveryStream stream)
    {
        var destination = stream.Destination;
        var dynamicPartitioning = destination.DynamicPartitioningConfiguration?.Enabled == true;

        var compression = (destination.CompressionFormat ?? "UNCOMPRESSED") switch
        {
            "UNCOMPRESSED" => ObjectCompression.Uncompressed,
            "GZIP" => ObjectCompression.Gzip,
            var other => throw FirehoseErrors.InvalidArgument($"LocalCloud writes CompressionFormat UNCOMPRESSED or GZIP; {other} is not supported."),
        };

        if (destination.S3BackupMode == "Enabled")
        {
            throw FirehoseErrors.InvalidArgument("LocalCloud does not support S3BackupMode Enabled.");
        }

        if (destination.DataFormatConversionConfiguration is { Enabled: not false })
        {
            throw FirehoseErrors.InvalidArgument("LocalCloud does not support DataFormatConversionConfiguration; set Enabled to false or leave it out.");
        }

        var sizeInMBs = destination.BufferingHints?.SizeInMBs ?? DefaultSizeInMBs;
        var intervalInSeconds = destination.BufferingHints?.IntervalInSeconds ?? DefaultIntervalInSeconds;
        if (dynamicPartitioning && sizeInMBs < 64)
        {
            throw FirehoseErrors.InvalidArgument("BufferingHints.SizeInMBs must be at least 64 when dynamic partitioning is enabled.");
        }

        if (dynamicPartitioning && intervalInSeconds < 60)
        {
            throw FirehoseErrors.InvalidArgument("BufferingHints.IntervalInSeconds must be at least 60 when dynamic partitioning is enabled.");
        }

        var timeZone = TimeZoneInfo.Utc;
        if (!string.IsNullOrEmpty(destination.CustomTimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(destination.CustomTimeZone, out timeZone))
        {
            throw FirehoseErrors.InvalidArgument($"CustomTimeZone '{destination.CustomTimeZone}' is not a known time zone.");
        }

        if (!PrefixRules.TryResolve(destination.Prefix, destination.ErrorOutputPrefix, dynamicPartitioning, out var prefixes, out var prefixError))
        {
            throw FirehoseErrors.InvalidArgument(prefixError);
        }

        var (lambda, query, delimiter) = ReadProcessors(destination.ProcessingConfiguration, dynamicPartitioning);

        foreach (var key in prefixes.Prefix.PartitionKeys)
        {
            if (key.Source == PartitionKeySource.Lambda && lambda is null)
            {
                throw FirehoseErrors.InvalidArgument($"Prefix uses !{{partitionKeyFromLambda:{key.Key}}} but the stream has no enabled Lambda processor.");
            }

            if (key.Source == PartitionKeySource.Query && query is null)
            {
                throw FirehoseErrors.InvalidArgument($"Prefix uses !{{partitionKeyFromQuery:{key.Key}}} but the stream has no enabled MetadataExtraction processor.");
            }

            if (key.Source == PartitionKeySource.Query && !query!.Defines(key.Key))
            {
                throw FirehoseErrors.InvalidArgument($"Prefix uses !{{partitionKeyFromQuery:{key.Key}}} but the MetadataExtractionQuery does not define '{key.Key}'.");
            }
        }

        return new DeliveryStreamSettings
        {
            Name = stream.Name,
            Arn = stream.Arn,
            Incarnation = stream.Incarnation,
            VersionId = stream.VersionId,
            Bucket = BucketName(destination.BucketARN!),
            Prefixes = prefixes,
            BufferSizeBytes = sizeInMBs * FirehoseLimits.MiB,
            BufferInterval = TimeSpan.FromSeconds(intervalInSeconds),
            Compression = compression,
            FileExtension = string.IsNullOrEmpty(destination.FileExtension)
                ? compression == ObjectCompression.Gzip ? ".gz" : string.Empty
                : destination.FileExtension,
            TimeZone = timeZone,
            Lambda = lambda,
            DynamicPartitioning = dynamicPartitioning,
            MetadataExtraction = query,
            Delimiter = delimiter,
        };
    }

    /// <summary>The bucket of <c>arn:aws:s3:::name</c>.</summary>
    public static string BucketName(string bucketArn) => bucketArn[(bucketArn.IndexOf(":::", StringComparison.Ordinal) + 3)..];

    private static (LambdaProcessorSettings? Lambda, MetadataExtractionQuery? Query, byte[]? Delimiter) ReadProcessors(
        ProcessingConfiguration? processing,
        bool dynamicPartitioning)
    {
        if (processing?.Enabled != true)
        {
            return (null, null, null);
        }

        LambdaProcessorSettings? lambda = null;
        MetadataExtractionQuery? query = null;
        byte[]? delimiter = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var processor in processing.Processors ?? [])
        {
            var type = processor.Type!;
            if (!ParametersByProcessor.TryGetValue(type, out var allowed))
            {
                throw FirehoseErrors.InvalidArgument($"LocalCloud supports the processor types Lambda, MetadataExtraction and AppendDelimiterToRecord; {type} is not supported.");
            }

            if (!seen.Add(type))
            {
                throw FirehoseErrors.InvalidArgument($"Only one {type} processor can be configured.");
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var parameter in processor.Parameters ?? [])
            {
                if (!allowed.Contains(parameter.ParameterName!, StringComparer.Ordinal))
                {
                    throw FirehoseErrors.InvalidArgument($"The parameter {parameter.ParameterName} is not valid for the {type} processor; valid parameters: {string.Join(", ", allowed)}.");
                }

                if (!parameters.TryAdd(parameter.ParameterName!, parameter.ParameterValue!))
                {
                    throw FirehoseErrors.InvalidArgument($"The parameter {parameter.ParameterName} is given more than once for the {type} processor.");
                }
            }

            switch (type)
            {
                case "Lambda":
                    lambda = ReadLambda(parameters);
                    break;
                case "MetadataExtraction":
                    if (!dynamicPartitioning)
                    {
                        throw FirehoseErrors.InvalidArgument("The MetadataExtraction processor requires dynamic partitioning to be enabled.");
                    }

                    query = MetadataExtractionQuery.Parse(parameters.GetValueOrDefault("MetadataExtractionQuery")
                        ?? throw FirehoseErrors.InvalidArgument("The MetadataExtraction processor requires the MetadataExtractionQuery parameter."));
                    break;
                case "AppendDelimiterToRecord":
                    delimiter = Encoding.UTF8.GetBytes(Regex.Unescape(parameters.GetValueOrDefault("Delimiter") ?? "\\n"));
                    break;
            }
        }

        return (lambda, query, delimiter);
    }

    private static LambdaProcessorSettings ReadLambda(Dictionary<string, string> parameters)
    {
        var arn = parameters.GetValueOrDefault("LambdaArn")
            ?? throw FirehoseErrors.InvalidArgument("The Lambda processor requires the LambdaArn parameter.");

        var retries = Number(parameters, "NumberOfRetries", 3, 0, 300, "NumberOfRetries must be an integer from 0 to 300");

        // data-transformation.md: the Lambda buffer is 0.2–3 MB (default 1 MB), its interval 0–900 s (default 60 s).
        var sizeInMBs = Number(parameters, "BufferSizeInMBs", 1m, 0.2m, 3m, "BufferSizeInMBs of the Lambda processor must be from 0.2 to 3", NumberStyles.AllowDecimalPoint);
        var intervalInSeconds = Number(parameters, "BufferIntervalInSeconds", 60, 0, 900, "BufferIntervalInSeconds of the Lambda processor must be an integer from 0 to 900");
        return new LambdaProcessorSettings(arn, retries, (long)(sizeInMBs * FirehoseLimits.MiB), TimeSpan.FromSeconds(intervalInSeconds));
    }

    /// <summary>A numeric processor parameter: its default when absent, InvalidArgumentException when not a number in range.</summary>
    private static T Number<T>(Dictionary<string, string> parameters, string name, T absent, T min, T max, string rule, NumberStyles style = NumberStyles.None)
        where T : struct, INumber<T>
    {
        if (!parameters.TryGetValue(name, out var text))
        {
            return absent;
        }

        return T.TryParse(text, style, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw FirehoseErrors.InvalidArgument($"{rule}, not '{text}'.");
    }

    private static Regex Whole(string pattern) => new($"^(?:{pattern})$", RegexOptions.CultureInvariant);

    // The members of the request naming sources and destinations LocalCloud does not serve, in ordinal order.
    private static IEnumerable<string> OtherMembers(CreateDeliveryStreamInput input)
    {
        (string Name, object? Value)[] members =
        [
            ("AmazonOpenSearchServerlessDestinationConfiguration", input.AmazonOpenSearchServerlessDestinationConfiguration),
            ("AmazonopensearchserviceDestinationConfiguration", input.AmazonopensearchserviceDestinationConfiguration),
            ("DatabaseSourceConfiguration", input.DatabaseSourceConfiguration),
            ("DirectPutSourceConfiguration", input.DirectPutSourceConfiguration),
            ("ElasticsearchDestinationConfiguration", input.ElasticsearchDestinationConfiguration),
            ("HttpEndpointDestinationConfiguration", input.HttpEndpointDestinationConfiguration),
            ("IcebergDestinationConfiguration", input.IcebergDestinationConfiguration),
            ("KinesisStreamSourceConfiguration", input.KinesisStreamSourceConfiguration),
            ("MSKSourceConfiguration", input.MSKSourceConfiguration),
            ("RedshiftDestinationConfiguration", input.RedshiftDestinationConfiguration),
            ("SnowflakeDestinationConfiguration", input.SnowflakeDestinationConfiguration),
            ("SplunkDestinationConfiguration", input.SplunkDestinationConfiguration),
        ];
        return members.Where(m => m.Value is not null).Select(m => m.Name);
    }

    // The older S3 destination is a subset of the extended one; LocalCloud stores and describes both as extended.
    private static ExtendedS3DestinationConfiguration? Extended(S3DestinationConfiguration? plain) => plain is null ? null : new()
    {
        RoleARN = plain.RoleARN,
        BucketARN = plain.BucketARN,
        Prefix = plain.Prefix,
        ErrorOutputPrefix = plain.ErrorOutputPrefix,
        BufferingHints = plain.BufferingHints,
        CompressionFormat = plain.CompressionFormat,
        EncryptionConfiguration = plain.EncryptionConfiguration,
        CloudWatchLoggingOptions = plain.CloudWatchLoggingOptions,
    };

    private static void ValidateDestination(ExtendedS3DestinationConfiguration? destination, string path, ValidationErrors errors)
    {
        if (destination is null)
        {
            return;
        }

        // The model's constraints, member by member in the order AWS reports them.
        errors.Required(destination.RoleARN, $"{path}.roleARN");
        errors.String(destination.RoleARN, $"{path}.roleARN", 1, 512, RoleArnRegex, RoleArnPattern);
        errors.Required(destination.BucketARN, $"{path}.bucketARN");
        errors.String(destination.BucketARN, $"{path}.bucketARN", 1, 2048, BucketArnRegex, BucketArnPattern);
        errors.Length(destination.Prefix, $"{path}.prefix", 0, 1024);
        errors.Length(destination.ErrorOutputPrefix, $"{path}.errorOutputPrefix", 0, 1024);
        errors.Range(destination.BufferingHints?.SizeInMBs, $"{path}.bufferingHints.sizeInMBs", 1, 128);
        errors.Range(destination.BufferingHints?.IntervalInSeconds, $"{path}.bufferingHints.intervalInSeconds", 0, 900);
        errors.OneOf(destination.CompressionFormat, $"{path}.compressionFormat", CompressionFormatValues.All);
        errors.OneOf(destination.S3BackupMode, $"{path}.s3BackupMode", S3BackupModeValues.All);
        errors.Range(destination.DynamicPartitioningConfiguration?.RetryOptions?.DurationInSeconds, $"{path}.dynamicPartitioningConfiguration.retryOptions.durationInSeconds", 0, 7200);
        errors.String(destination.FileExtension, $"{path}.fileExtension", 0, 128, FileExtensionRegex, FileExtensionPattern);
        errors.String(destination.CustomTimeZone, $"{path}.customTimeZone", 0, 50, CustomTimeZoneRegex, CustomTimeZonePattern);

        var processors = destination.ProcessingConfiguration?.Processors ?? [];
        for (var i = 0; i < processors.Count; i++)
        {
            var processorPath = $"{path}.processingConfiguration.processors.{i + 1}.member";
            errors.Required(processors[i].Type, $"{processorPath}.type");
            errors.OneOf(processors[i].Type, $"{processorPath}.type", ProcessorTypeValues.All);
            var parameters = processors[i].Parameters ?? [];
            for (var j = 0; j < parameters.Count; j++)
            {
                var parameterPath = $"{processorPath}.parameters.{j + 1}.member";
                errors.Required(parameters[j].ParameterName, $"{parameterPath}.parameterName");
                errors.OneOf(parameters[j].ParameterName, $"{parameterPath}.parameterName", ProcessorParameterNameValues.All);
                errors.Required(parameters[j].ParameterValue, $"{parameterPath}.parameterValue");
                errors.String(parameters[j].ParameterValue, $"{parameterPath}.parameterValue", 1, 5120, ParameterValueRegex, ParameterValuePattern);
            }
        }
    }

    [GeneratedRegex($"^(?:{NamePattern})$")]
    private static partial Regex NameRegex();
}
