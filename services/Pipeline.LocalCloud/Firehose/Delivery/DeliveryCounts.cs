namespace Pipeline.LocalCloud.Firehose.Delivery;

/// <summary>How many records a delivery took, where they went, and how many objects it wrote.</summary>
internal sealed record DeliveryCounts(int Records, int Delivered, int Dropped, int Failed, int Objects)
{
    public static DeliveryCounts None { get; } = new(0, 0, 0, 0, 0);

    public DeliveryCounts Add(DeliveryCounts other) =>
        new(Records + other.Records, Delivered + other.Delivered, Dropped + other.Dropped, Failed + other.Failed, Objects + other.Objects);
}
