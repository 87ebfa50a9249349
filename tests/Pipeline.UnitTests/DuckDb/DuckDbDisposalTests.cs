using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>Disposing twice is harmless; using a disposed object is an ObjectDisposedException, never a crash.</summary>
public sealed class DuckDbDisposalTests
{
    [Fact]
    public void Everything_can_be_disposed_twice()
    {
        var db = DuckDbDatabase.Open();
        var connection = db.Connect();
        var result = connection.Query("SELECT 1");

        result.Dispose();
        result.Dispose();
        connection.Dispose();
        connection.Dispose();
        db.Dispose();
        db.Dispose();
    }

    [Fact]
    public void A_disposed_database_cannot_connect()
    {
        var db = DuckDbDatabase.Open();
        db.Dispose();

        Assert.Throws<ObjectDisposedException>(() => db.Connect());
    }

    [Fact]
    public void A_disposed_connection_cannot_run_statements()
    {
        using var db = DuckDbDatabase.Open();
        var connection = db.Connect();
        connection.Dispose();

        Assert.Throws<ObjectDisposedException>(() => connection.Execute("SELECT 1"));
        Assert.Throws<ObjectDisposedException>(() => connection.Query("SELECT ?", 1));
        Assert.Throws<ObjectDisposedException>(() => connection.QueryStreaming("SELECT 1"));
        Assert.Throws<ObjectDisposedException>(() => connection.ExecuteScalar<int>("SELECT 1"));
        connection.Interrupt();
    }

    [Fact]
    public void A_disposed_result_cannot_be_read()
    {
        using var db = DuckDbDatabase.Open();
        using var connection = db.Connect();
        var result = connection.Query("SELECT 1");
        Assert.True(result.Read());
        result.Dispose();

        Assert.Throws<ObjectDisposedException>(() => result.Read());
        Assert.Throws<ObjectDisposedException>(() => result.GetValue(0));
        Assert.Throws<ObjectDisposedException>(() => result.GetInt64(0));
        Assert.Throws<ObjectDisposedException>(() => result.IsNull(0));
    }

    [Fact]
    public void A_materialised_result_outlives_its_connection_and_database()
    {
        var db = DuckDbDatabase.Open();
        var connection = db.Connect();
        using var result = connection.Query("SELECT * FROM range(3000)");
        connection.Dispose();
        db.Dispose();

        var rows = 0;
        while (result.Read())
        {
            rows++;
        }

        Assert.Equal(3000, rows);
    }

    [Fact]
    public void An_open_connection_outlives_its_database_object()
    {
        var db = DuckDbDatabase.Open();
        using var connection = db.Connect();
        connection.Execute("CREATE TABLE t AS SELECT 1 AS x");

        db.Dispose();

        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT x FROM t"));
    }

    [Fact]
    public void Abandoned_objects_are_cleaned_up_by_the_finalizers()
    {
        static void Abandon()
        {
            var db = DuckDbDatabase.Open();
            var connection = db.Connect();
            var result = connection.Query("SELECT * FROM range(5000)");
            result.Read();
        }

        for (var i = 0; i < 5; i++)
        {
            Abandon();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
