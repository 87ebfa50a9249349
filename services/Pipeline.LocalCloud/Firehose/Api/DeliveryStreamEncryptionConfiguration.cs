namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record DeliveryStreamEncryptionConfiguration(string Status);
