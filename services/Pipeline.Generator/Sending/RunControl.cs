namespace Pipeline.Generator.Sending;

/// <summary>
/// Steers a running <see cref="FirehoseLoadRunner"/> from outside (the control endpoint the app host's commands call):
/// pause and resume the schedule, or ask for a burst of records on top of it. Thread-safe.
/// </summary>
public sealed class RunControl
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();
    private bool _paused;
    private long _burst;

    public bool IsPaused
    {
        get
        {
            lock (_gate)
            {
                return _paused;
            }
        }
    }

    /// <summary>Records asked for by bursts and not yet taken by the runner.</summary>
    public long PendingBurst => Interlocked.Read(ref _burst);

    public void Pause() => Set(paused: true);

    public void Resume() => Set(paused: false);

    /// <summary>Asks for <paramref name="records"/> records now, beyond the schedule (sent even while paused).</summary>
    public void RequestBurst(long records)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1);
        Interlocked.Add(ref _burst, records);
        Signal();
    }

    /// <summary>Takes every record asked for so far.</summary>
    internal long TakeBurst() => Interlocked.Exchange(ref _burst, 0);

    /// <summary>Completes at the next pause, resume or burst.</summary>
    internal Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    private void Set(bool paused)
    {
        lock (_gate)
        {
            if (_paused == paused)
            {
                return;
            }

            _paused = paused;
        }

        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
