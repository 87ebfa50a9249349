using System.Collections.Concurrent;
using Pipeline.LocalCloud.Events;

namespace Pipeline.UnitTests.LocalCloud.Glue.Jobs.Fakes;

/// <summary>Keeps every event put on it.</summary>
internal sealed class RecordingEventBus : IEventBus
{
    public ConcurrentQueue<(string Source, string DetailType, string DetailJson, IReadOnlyList<string> Resources)> Events { get; } = new();

    public Task PublishAsync(string source, string detailType, string detailJson, IReadOnlyList<string> resources, CancellationToken cancellationToken = default)
    {
        Events.Enqueue((source, detailType, detailJson, resources));
        return Task.CompletedTask;
    }
}
