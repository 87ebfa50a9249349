using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.LocalCloud.Events;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda;

namespace Pipeline.UnitTests.LocalCloud.Events.Fakes;

internal static class EventBusFactory
{
    /// <param name="dataDirectory">Where the bus keeps its rules and queued deliveries; a test's own temporary folder.</param>
    public static EventBusService Create(IFunctionInvoker invoker, string dataDirectory) =>
        new(new LocalCloudOptions { Region = "eu-west-1", AccountId = "123456789012", DataDirectory = dataDirectory }, () => invoker, TimeProvider.System, NullLogger<EventBusService>.Instance)
        {
            RetryDelay = TimeSpan.FromMilliseconds(1),
        };

    /// <summary>Runs the delivery loop until <paramref name="done"/> holds or five seconds pass.</summary>
    public static async Task DeliverUntilAsync(EventBusService bus, Func<bool> done)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var loop = bus.RunDeliveriesAsync(cts.Token);
        while (!done() && !cts.IsCancellationRequested)
        {
            await Task.Delay(10);
        }

        // Let a retry that is not expected show up before the loop stops.
        await Task.Delay(50);
        await cts.CancelAsync();
        await loop;
    }
}
