using System.Collections.Concurrent;
using System.Text.Json;
using Pipeline.LocalCloud.Events;

namespace Pipeline.UnitTests.LocalCloud.Glue.Crawls.Fakes;

/// <summary>An event bus that keeps what is put on it.</summary>
internal sealed class RecordingEventBus : IEventBus
{
    public ConcurrentQueue<(string Source, string DetailType, JsonElement Detail, IReadOnlyList<string> Resources)> Events { get; } = new();

    public Task PublishAsync(string source, string detailType, string detailJson, IReadOnlyList<string> resources, CancellationToken cancellationToken = default)
    {
        Events.Enqueue((source, detailType, JsonDocument.Parse(detailJson).RootElement.Clone(), resources));
        return Task.CompletedTask;
    }
}
