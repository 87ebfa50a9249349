namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record ListDeliveryStreamsOutput(IReadOnlyList<string> DeliveryStreamNames, bool HasMoreDeliveryStreams);
