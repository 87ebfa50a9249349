namespace Pipeline.LocalCloud.Storage;

/// <summary>One version of an object: its metadata and a stream over exactly those bytes. Dispose to close the stream.</summary>
public sealed record StoredObject(ObjectInfo Info, Stream Content) : IAsyncDisposable, IDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();

    public void Dispose() => Content.Dispose();
}
