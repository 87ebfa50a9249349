using Microsoft.AspNetCore.Http;
using Pipeline.AwsShapes.Firehose;
using Pipeline.LocalCloud.Firehose.Configuration;
using Pipeline.LocalCloud.Firehose.Delivery;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Protocols;

namespace Pipeline.LocalCloud.Firehose.Api;

/// <summary>
/// Firehose over its JSON 1.1 protocol: <c>POST /</c> with <c>X-Amz-Target: Firehose_20150804.&lt;Operation&gt;</c>.
/// Requests are checked as AWS checks them: the model's constraints first (ValidationException), then the
/// service's rules; a body that is not the operation's JSON is a SerializationException.
/// </summary>
internal sealed class FirehoseEndpoint : IAwsServiceEndpoint
{
    public const string TargetPrefix = "Firehose_20150804";

    private static readonly string[] StreamTypes = ["DirectPut", "KinesisStreamAsSource", "MSKAsSource", "DatabaseAsSource"];

    private readonly JsonProtocol _protocol;

    public FirehoseEndpoint(FirehoseService service)
    {
        var json = FirehoseJsonContext.Default;
        var operations = new JsonOperations()
            .Add("CreateDeliveryStream", json.CreateDeliveryStreamInput, json.CreateDeliveryStreamOutput, async (CreateDeliveryStreamInput input, CancellationToken ct) =>
                new CreateDeliveryStreamOutput { DeliveryStreamARN = await service.CreateAsync(input, ct).ConfigureAwait(false) })
            .Add("DescribeDeliveryStream", json.DescribeDeliveryStreamInput, json.DescribeDeliveryStreamOutput, input =>
            {
                var errors = new ValidationErrors();
                DeliveryStreamSettingsFactory.ValidateName(input.DeliveryStreamName, errors);
                errors.Range(input.Limit, "limit", 1, 10_000);
                errors.ThrowIfAny();
                return new DescribeDeliveryStreamOutput { DeliveryStreamDescription = DescriptionBuilder.Describe(service.Get(input.DeliveryStreamName!)) };
            })
            .Add("ListDeliveryStreams", json.ListDeliveryStreamsInput, json.ListDeliveryStreamsOutput, input =>
            {
                var errors = new ValidationErrors();
                errors.Range(input.Limit, "limit", 1, 10_000);
                errors.OneOf(input.DeliveryStreamType, "deliveryStreamType", StreamTypes);
                if (input.ExclusiveStartDeliveryStreamName is not null)
                {
                    DeliveryStreamSettingsFactory.ValidateName(input.ExclusiveStartDeliveryStreamName, errors, "exclusiveStartDeliveryStreamName");
                }

                errors.ThrowIfAny();

                // Every LocalCloud stream is DirectPut.
                var (names, hasMore) = input.DeliveryStreamType is null or DeliveryStreamSettingsFactory.DirectPut
                    ? service.List(input.Limit ?? 10, input.ExclusiveStartDeliveryStreamName)
                    : ([], false);
                return new ListDeliveryStreamsOutput { DeliveryStreamNames = names, HasMoreDeliveryStreams = hasMore };
            })
            .Add("DeleteDeliveryStream", json.DeleteDeliveryStreamInput, json.DeleteDeliveryStreamOutput, async (DeleteDeliveryStreamInput input, CancellationToken ct) =>
            {
                var errors = new ValidationErrors();
                DeliveryStreamSettingsFactory.ValidateName(input.DeliveryStreamName, errors);
                errors.ThrowIfAny();
                await service.DeleteAsync(input.DeliveryStreamName!, input.AllowForceDelete == true, ct).ConfigureAwait(false);
                return new DeleteDeliveryStreamOutput();
            })
            .Add("PutRecord", json.PutRecordInput, json.PutRecordOutput, async (PutRecordInput input, CancellationToken ct) =>
            {
                var errors = new ValidationErrors();
                DeliveryStreamSettingsFactory.ValidateName(input.DeliveryStreamName, errors);
                errors.Required(input.Record, "record");
                errors.Required(input.Record is null ? string.Empty : input.Record.Data, "record.data");
                if (input.Record?.Data is { } data)
                {
                    errors.CheckLength(ValidationErrors.Blob(data.Length), data.Length, "record.data", 0, FirehoseLimits.MaxRecordBytes);
                }

                errors.ThrowIfAny();
                var ids = await service.PutAsync(input.DeliveryStreamName!, [input.Record!.Data!], ct).ConfigureAwait(false);
                return new PutRecordOutput { RecordId = ids[0], Encrypted = false };
            })
            .Add("PutRecordBatch", json.PutRecordBatchInput, json.PutRecordBatchOutput, async (PutRecordBatchInput input, CancellationToken ct) =>
            {
                var records = ValidateBatch(input);
                var ids = await service.PutAsync(input.DeliveryStreamName!, records, ct).ConfigureAwait(false);
                return new PutRecordBatchOutput { FailedPutCount = 0, Encrypted = false, RequestResponses = ids.Select(id => new PutRecordBatchResponseEntry { RecordId = id }).ToArray() };
            });
        _protocol = new JsonProtocol(SigningName, "Firehose", TargetPrefix, "1.1", operations);
    }

    public string SigningName => "firehose";

    public AwsProtocol Protocol => AwsProtocol.Json;

    public Task HandleAsync(HttpContext context) => _protocol.HandleAsync(context);

    /// <summary>
    /// The model's limits (500 records, 1,024,000 bytes of data per record) answer ValidationException listing every
    /// violation; within them, more than 4 MiB of data in the request is the service's InvalidArgumentException.
    /// </summary>
    private static byte[][] ValidateBatch(PutRecordBatchInput input)
    {
        var errors = new ValidationErrors();
        DeliveryStreamSettingsFactory.ValidateName(input.DeliveryStreamName, errors);
        errors.Required(input.Records, "records");
        var records = input.Records ?? [];
        if (input.Records is not null)
        {
            errors.CheckLength(RenderList(records), records.Count, "records", 1, FirehoseLimits.MaxRecordsPerBatch);
        }

        for (var i = 0; i < records.Count; i++)
        {
            if (records[i]?.Data is { Length: <= FirehoseLimits.MaxRecordBytes })
            {
                // The usual record: nothing to report, and no path or message built for it.
                continue;
            }

            var path = $"records.{i + 1}.member";
            errors.Required(records[i], path);
            if (records[i] is { } record)
            {
                errors.Required(record.Data, path + ".data");
                if (record.Data is { } data)
                {
                    errors.CheckLength(ValidationErrors.Blob(data.Length), data.Length, path + ".data", 0, FirehoseLimits.MaxRecordBytes);
                }
            }
        }

        errors.ThrowIfAny();
        if (records.Sum(r => (long)r!.Data!.Length) > FirehoseLimits.MaxBatchBytes)
        {
            throw FirehoseErrors.InvalidArgument("Records size exceeds 4 MB limit");
        }

        return records.Select(r => r!.Data!).ToArray();
    }

    // The list as AWS's Java front end prints it, shortened: the full text of 501 records helps no one.
    private static string RenderList(IReadOnlyList<RecordEntry?> records) =>
        "[" + string.Join(", ", records.Take(3).Select(r => r?.Data is { } data ? $"Record(Data={ValidationErrors.Blob(data.Length)})" : "null"))
        + (records.Count > 3 ? $", ... ({records.Count} records)]" : "]");
}

/// <summary>DescribeDeliveryStream's answer: the destination as it was given, with the defaults AWS fills in.</summary>
internal static class DescriptionBuilder
{
    private static readonly EncryptionConfiguration NoEncryption = new() { NoEncryptionConfig = NoEncryptionConfigValues.NoEncryption };
    private static readonly CloudWatchLoggingOptions LoggingDisabled = new() { Enabled = false };

    public static DeliveryStreamDescription Describe(DeliveryStream stream)
    {
        var stored = stream.Stored;
        var destination = stored.Destination;
        var hints = new BufferingHints
        {
            SizeInMBs = destination.BufferingHints?.SizeInMBs ?? DeliveryStreamSettingsFactory.DefaultSizeInMBs,
            IntervalInSeconds = destination.BufferingHints?.IntervalInSeconds ?? DeliveryStreamSettingsFactory.DefaultIntervalInSeconds,
        };
        var compression = destination.CompressionFormat ?? "UNCOMPRESSED";
        var encryption = destination.EncryptionConfiguration ?? NoEncryption;
        var logging = destination.CloudWatchLoggingOptions ?? LoggingDisabled;

        var plain = new S3DestinationDescription
        {
            RoleARN = destination.RoleARN!,
            BucketARN = destination.BucketARN!,
            Prefix = destination.Prefix,
            ErrorOutputPrefix = destination.ErrorOutputPrefix,
            BufferingHints = hints,
            CompressionFormat = compression,
            EncryptionConfiguration = encryption,
            CloudWatchLoggingOptions = logging,
        };
        var extended = new ExtendedS3DestinationDescription
        {
            RoleARN = destination.RoleARN!,
            BucketARN = destination.BucketARN!,
            Prefix = destination.Prefix,
            ErrorOutputPrefix = destination.ErrorOutputPrefix,
            BufferingHints = hints,
            CompressionFormat = compression,
            EncryptionConfiguration = encryption,
            CloudWatchLoggingOptions = logging,
            ProcessingConfiguration = destination.ProcessingConfiguration,
            S3BackupMode = destination.S3BackupMode ?? "Disabled",
            DataFormatConversionConfiguration = destination.DataFormatConversionConfiguration,
            DynamicPartitioningConfiguration = destination.DynamicPartitioningConfiguration,
            FileExtension = destination.FileExtension,
            CustomTimeZone = destination.CustomTimeZone,
        };

        return new DeliveryStreamDescription
        {
            DeliveryStreamName = stored.Name,
            DeliveryStreamARN = stored.Arn,
            DeliveryStreamStatus = stream.Status.ToWire(),
            DeliveryStreamEncryptionConfiguration = new DeliveryStreamEncryptionConfiguration { Status = DeliveryStreamEncryptionStatusValues.Disabled },
            DeliveryStreamType = stored.DeliveryStreamType,
            VersionId = stored.VersionId,
            CreateTimestamp = DateTimeOffset.FromUnixTimeMilliseconds(stored.CreateTimestampMs),
            Destinations = [new DestinationDescription { DestinationId = FirehoseLimits.DestinationId, S3DestinationDescription = plain, ExtendedS3DestinationDescription = extended }],
            HasMoreDestinations = false,
        };
    }
}
