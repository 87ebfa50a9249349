namespace Pipeline.Aws.Firehose;

/// <summary>The output of CreateDeliveryStream.</summary>
/// <param name="DeliveryStreamARN">The new stream's ARN.</param>
public sealed record CreateDeliveryStreamResult(string? DeliveryStreamARN);
