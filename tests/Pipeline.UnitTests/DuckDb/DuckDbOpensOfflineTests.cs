using DuckDB.NET.Data;
using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>Databases open in memory with our settings, from the DuckDB that DuckDB.NET ships, and never reach for the network.</summary>
public sealed class DuckDbOpensOfflineTests
{
    [Fact]
    public void The_loaded_library_is_the_pinned_version()
    {
        using var connection = DuckDbConnections.OpenInMemory();

        Assert.Equal("v1.5.6", connection.ServerVersion);
    }

    [Fact]
    public void Each_open_is_a_database_of_its_own()
    {
        using var first = DuckDbConnections.OpenInMemory();
        using var second = DuckDbConnections.OpenInMemory();
        first.Execute("CREATE TABLE t AS SELECT 1 AS x");

        Assert.Throws<DuckDBException>(() => second.Query("SELECT * FROM t"));
    }

    [Fact]
    public void Threads_memory_and_the_spill_folder_become_DuckDB_settings()
    {
        using var folder = new DuckDbScratchFolder();
        var spill = folder.File("spill; with=odd characters");

        using var connection = DuckDbConnections.OpenInMemory(threads: 1, memoryLimit: "256MB", tempDirectory: spill);

        Assert.Equal(1L, connection.ExecuteScalar<long>("SELECT current_setting('threads')"));
        Assert.Equal("244.1 MiB", connection.ExecuteScalar<string>("SELECT current_setting('memory_limit')"));
        Assert.Equal(spill, connection.ExecuteScalar<string>("SELECT current_setting('temp_directory')"));
    }

    [Theory]
    [InlineData("SELECT * FROM 's3://bucket/data.parquet'")]
    [InlineData("SELECT * FROM read_json('https://example.com/data.json')")]
    public void A_remote_path_fails_instead_of_installing_httpfs(string sql)
    {
        using var connection = DuckDbConnections.OpenInMemory();

        Assert.False(connection.ExecuteScalar<bool>("SELECT current_setting('autoinstall_known_extensions')"));
        var error = Assert.Throws<DuckDBException>(() => connection.Query(sql));
        Assert.Contains("httpfs", error.Message, StringComparison.Ordinal);
        Assert.Contains("Autoloading", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_in_json_and_parquet_extensions_load_without_the_network()
    {
        using var folder = new DuckDbScratchFolder();
        var file = folder.File("one.parquet");
        using var connection = DuckDbConnections.OpenInMemory();

        connection.Execute($"COPY (SELECT json_extract('{{\"a\": 7}}', '$.a')::INTEGER AS a) TO {DuckDbSql.Literal(file)} (FORMAT parquet)");

        Assert.Equal(7, connection.ExecuteScalar<int>("SELECT a FROM read_parquet(?)", file));
    }
}
