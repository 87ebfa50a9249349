using Pipeline.AwsShapes.Firehose;
using Pipeline.LocalCloud.Firehose.Configuration;
using Pipeline.LocalCloud.Firehose.Delivery;

namespace Pipeline.LocalCloud.Firehose.Api;

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
