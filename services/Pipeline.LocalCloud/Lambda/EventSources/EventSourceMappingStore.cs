using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Lambda.EventSources;

/// <summary>
/// The event source mappings, saved whole to one JSON file on every change (there are a handful), in creation order.
/// <see cref="Changed"/> tells the pollers to start, stop or pick up new settings.
/// </summary>
internal sealed class EventSourceMappingStore
{
    private readonly Lock _gate = new();
    private readonly StateDocument<List<EventSourceMapping>>? _file;
    private readonly List<EventSourceMapping> _mappings;

    /// <param name="path">The state file; null keeps mappings in memory (tests).</param>
    public EventSourceMappingStore(string? path)
    {
        _file = path is null ? null : new(path, EventSourceMappingJsonContext.Default.ListEventSourceMapping);
        _mappings = _file?.Load() ?? [];
    }

    public event Action? Changed;

    public IReadOnlyList<EventSourceMapping> List()
    {
        lock (_gate)
        {
            return [.. _mappings];
        }
    }

    public EventSourceMapping? Find(string uuid)
    {
        lock (_gate)
        {
            return _mappings.Find(m => m.Uuid == uuid);
        }
    }

    /// <summary>Adds the mapping unless <paramref name="conflict"/> finds an existing one, which is returned instead.</summary>
    public EventSourceMapping? Add(EventSourceMapping mapping, Func<EventSourceMapping, bool> conflict)
    {
        lock (_gate)
        {
            if (_mappings.Find(m => conflict(m)) is { } existing)
            {
                return existing;
            }

            _mappings.Add(mapping);
            Save();
        }

        Changed?.Invoke();
        return null;
    }

    public EventSourceMapping? Update(string uuid, Func<EventSourceMapping, EventSourceMapping> change)
    {
        EventSourceMapping updated;
        lock (_gate)
        {
            var index = _mappings.FindIndex(m => m.Uuid == uuid);
            if (index < 0)
            {
                return null;
            }

            updated = change(_mappings[index]);
            _mappings[index] = updated;
            Save();
        }

        Changed?.Invoke();
        return updated;
    }

    public EventSourceMapping? Remove(string uuid)
    {
        EventSourceMapping? removed;
        lock (_gate)
        {
            removed = _mappings.Find(m => m.Uuid == uuid);
            if (removed is null)
            {
                return null;
            }

            _mappings.Remove(removed);
            Save();
        }

        Changed?.Invoke();
        return removed;
    }

    private void Save() => _file?.Save(_mappings);
}
