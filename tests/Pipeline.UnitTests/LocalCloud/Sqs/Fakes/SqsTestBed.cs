using Microsoft.Extensions.Time.Testing;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Sqs;

namespace Pipeline.UnitTests.LocalCloud.Sqs.Fakes;

/// <summary>A queue store on a manual clock.</summary>
internal sealed class SqsTestBed
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public SqsQueueStore Store { get; }

    public SqsTestBed() => Store = new SqsQueueStore(new LocalCloudOptions(), Time);

    public Task<IReadOnlyList<SqsReceivedMessage>> ReceiveNowAsync(string queue, int max = 10) =>
        Store.ReceiveAsync(queue, max, null, TimeSpan.Zero);

    public int Count(string queue, string attribute) =>
        int.Parse(Store.GetAttributes(queue, [attribute])[attribute], System.Globalization.CultureInfo.InvariantCulture);
}
