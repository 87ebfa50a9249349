using Pipeline.LocalCloud.Glue.Crawlers.Crawling;

namespace Pipeline.UnitTests.LocalCloud.Glue.Crawls.Fakes;

/// <summary>
/// Passes to the real inferrer, counting files, and holds every call while the gate is closed, deaf to cancellation
/// like a file read in progress, so a stopped crawl stays STOPPING until the gate opens.
/// </summary>
internal sealed class GatedInferrer(IFileSchemaInferrer inner) : IFileSchemaInferrer
{
    private readonly ManualResetEventSlim _gate = new(initialState: true);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public ManualResetEventSlim Entered { get; } = new();

    public void Close() => _gate.Reset();

    public void Open() => _gate.Set();

    public FileSchema Infer(string path, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        Entered.Set();
        _gate.Wait();
        cancellationToken.ThrowIfCancellationRequested();
        return inner.Infer(path, cancellationToken);
    }
}
