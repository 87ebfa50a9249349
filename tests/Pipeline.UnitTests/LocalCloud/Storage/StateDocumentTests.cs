using System.Text.Json;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.UnitTests.LocalCloud.Storage;

/// <summary>
/// A state document opened again over its file (a restart, or a crash) loads the last document saved; a temp file a
/// crash left mid-save is dropped and the saved content kept; an unreadable file is set aside when asked, not lost.
/// </summary>
public sealed class StateDocumentTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("state-document-unit-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string FilePath => Path.Combine(_root, "service", "nested", "state.json");

    [Fact]
    public void Nothing_saved_loads_as_null()
    {
        Assert.Null(Open().Load());
    }

    [Fact]
    public void Deleting_what_was_never_saved_does_nothing()
    {
        Open().Delete();

        Assert.False(Directory.Exists(Path.GetDirectoryName(FilePath)));
    }

    [Fact]
    public void A_deleted_document_loads_as_null()
    {
        Open().Save(new Dictionary<string, string> { ["a"] = "1" });
        Open().Delete();

        Assert.Null(Open().Load());
    }

    [Fact]
    public void The_last_saved_document_is_what_a_reopened_one_loads()
    {
        Open().Save(new Dictionary<string, string> { ["a"] = "1" });
        Open().Save(new Dictionary<string, string> { ["a"] = "2", ["b"] = "3" });

        var loaded = Open().Load();

        Assert.Equal(new Dictionary<string, string> { ["a"] = "2", ["b"] = "3" }, loaded);
        Assert.Equal(["state.json"], Directory.EnumerateFiles(Path.GetDirectoryName(FilePath)!).Select(Path.GetFileName));
    }

    [Fact]
    public void A_save_cut_off_by_a_crash_leaves_the_previous_document()
    {
        Open().Save(new Dictionary<string, string> { ["kept"] = "yes" });
        File.WriteAllText(FilePath + ".tmp", "{\"kept\":\"n");

        var loaded = Open().Load();

        Assert.Equal(new Dictionary<string, string> { ["kept"] = "yes" }, loaded);
        Assert.False(File.Exists(FilePath + ".tmp"));
    }

    [Fact]
    public void An_unreadable_file_throws_on_load()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllText(FilePath, "not json");

        Assert.Throws<JsonException>(() => Open().Load());
    }

    [Fact]
    public void An_unreadable_file_is_set_aside_when_asked_and_the_next_save_does_not_overwrite_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllText(FilePath, "not json");
        var document = Open();

        var loaded = document.LoadOrSetAside(out var unreadable);
        document.Save(new Dictionary<string, string> { ["new"] = "1" });

        Assert.Null(loaded);
        Assert.NotNull(unreadable);
        Assert.Equal("not json", File.ReadAllText(FilePath + ".unreadable"));
        Assert.Equal(new Dictionary<string, string> { ["new"] = "1" }, Open().Load());
    }

    private StateDocument<Dictionary<string, string>> Open() => new(FilePath, StorageJsonContext.Default.DictionaryStringString);
}
