namespace Pipeline.UnitTests.DuckDb;

/// <summary>A fresh folder under the system temp directory, deleted with everything in it on dispose.</summary>
public sealed class DuckDbScratchFolder : IDisposable
{
    public DuckDbScratchFolder()
    {
        Path = Directory.CreateTempSubdirectory("pipeline-duckdb-test-").FullName;
    }

    public string Path { get; }

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }
    }
}
