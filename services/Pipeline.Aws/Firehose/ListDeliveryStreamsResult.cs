namespace Pipeline.Aws.Firehose;

/// <summary>The output of ListDeliveryStreams: one page of names.</summary>
/// <param name="DeliveryStreamNames">The names on this page.</param>
/// <param name="HasMoreDeliveryStreams">Whether to ask again, starting after the last name.</param>
public sealed record ListDeliveryStreamsResult(IReadOnlyList<string> DeliveryStreamNames, bool HasMoreDeliveryStreams);
