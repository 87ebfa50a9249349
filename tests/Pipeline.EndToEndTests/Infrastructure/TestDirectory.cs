namespace Pipeline.EndToEndTests.Infrastructure;

/// <summary>A temporary folder for one test, removed afterwards.</summary>
internal sealed class TestDirectory : IDisposable
{
    public TestDirectory() => Path = Directory.CreateTempSubdirectory("pipeline-e2e-").FullName;

    public string Path { get; }

    public string Sub(string name) => Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file: the OS temp cleaner gets it.
        }
    }
}
