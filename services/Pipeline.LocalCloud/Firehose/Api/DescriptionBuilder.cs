using System.Text.Json;
using Pipeline.LocalCloud.Firehose.Configuration;
using Pipeline.LocalCloud.Firehose.Delivery;

namespace Pipeline.LocalCloud.Firehose.Api;

/// <summary>DescribeDeliveryStream's answer: the destination as it was given, with the defaults AWS fills in.</summary>
internal static class DescriptionBuilder
{
    private static readonly JsonElement NoEncryption = Element("""{"NoEncryptionConfig":"NoEncryption"}""");
    private static readonly JsonElement LoggingDisabled = Element("""{"Enabled":false}""");

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

        return new DeliveryStreamDescription(
            stored.Name,
            stored.Arn,
            stream.Status.ToWire(),
            new DeliveryStreamEncryptionConfiguration("DISABLED"),
            stored.DeliveryStreamType,
            stored.VersionId,
            stored.CreateTimestampMs / 1000.0,
            [new DestinationDescription(FirehoseLimits.DestinationId, plain, extended)],
            HasMoreDestinations: false);
    }

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
