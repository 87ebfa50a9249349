using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>Databases open in memory and on disk, with DuckDB settings, and never reach for the network.</summary>
public sealed class DuckDbOpensDatabasesTests
{
    [Fact]
    public void The_loaded_library_is_the_pinned_version()
    {
        Assert.Equal("v1.5.6", DuckDbDatabase.LibraryVersion);
    }

    [Fact]
    public void An_in_memory_database_answers_queries()
    {
        using var db = DuckDbDatabase.Open();
        using var connection = db.Connect();

        Assert.Equal(DuckDbDatabase.InMemory, db.Path);
        Assert.Equal(42, connection.ExecuteScalar<int>("SELECT 40 + 2"));
    }

    [Fact]
    public void A_database_file_keeps_its_tables_across_opens()
    {
        using var folder = new DuckDbScratchFolder();
        var path = folder.File("pipeline.duckdb");

        using (var db = DuckDbDatabase.Open(path))
        using (var connection = db.Connect())
        {
            connection.Execute("CREATE TABLE events (id INTEGER, name VARCHAR); INSERT INTO events VALUES (1, 'a'), (2, 'b')");
        }

        Assert.True(File.Exists(path));
        using var reopened = DuckDbDatabase.Open(path);
        using var again = reopened.Connect();
        Assert.Equal(2L, again.ExecuteScalar<long>("SELECT count(*) FROM events"));
    }

    [Fact]
    public void Options_become_DuckDB_settings()
    {
        var options = new DuckDbOpenOptions
        {
            Threads = 1,
            MemoryLimit = "256MB",
            Settings = { ["default_order"] = "DESC" },
        };

        using var db = DuckDbDatabase.Open(DuckDbDatabase.InMemory, options);
        using var connection = db.Connect();

        Assert.Equal(1L, connection.ExecuteScalar<long>("SELECT current_setting('threads')"));
        Assert.Equal("244.1 MiB", connection.ExecuteScalar<string>("SELECT current_setting('memory_limit')"));
        Assert.Equal("desc", connection.ExecuteScalar<string>("SELECT lower(current_setting('default_order'))"));
    }

    [Fact]
    public void Extensions_are_never_installed_from_the_network()
    {
        using var db = DuckDbDatabase.Open();
        using var connection = db.Connect();

        Assert.False(connection.ExecuteScalar<bool>("SELECT current_setting('autoinstall_known_extensions')"));
        var error = Assert.Throws<DuckDbException>(() => connection.Query("SELECT * FROM 's3://bucket/data.parquet'"));
        Assert.Contains("httpfs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_database_refuses_writes()
    {
        using var folder = new DuckDbScratchFolder();
        var path = folder.File("readonly.duckdb");
        using (var db = DuckDbDatabase.Open(path))
        using (var connection = db.Connect())
        {
            connection.Execute("CREATE TABLE t (x INTEGER)");
        }

        using var readOnly = DuckDbDatabase.Open(path, new DuckDbOpenOptions { ReadOnly = true });
        using var reader = readOnly.Connect();

        Assert.Equal(0L, reader.ExecuteScalar<long>("SELECT count(*) FROM t"));
        Assert.Throws<DuckDbException>(() => reader.Execute("INSERT INTO t VALUES (1)"));
    }

    [Fact]
    public void An_unknown_setting_is_a_DuckDbException()
    {
        var options = new DuckDbOpenOptions { Settings = { ["no_such_setting"] = "1" } };

        var error = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(DuckDbDatabase.InMemory, options));

        Assert.Contains("no_such_setting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_in_a_missing_folder_is_a_DuckDbException_with_DuckDBs_message()
    {
        var error = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open("/nonexistent-folder/sub/db.duckdb"));

        Assert.Contains("nonexistent-folder", error.Message, StringComparison.Ordinal);
    }
}
