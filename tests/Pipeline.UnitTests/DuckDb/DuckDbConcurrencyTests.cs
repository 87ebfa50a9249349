using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>One database serves connections on many threads; a running query can be interrupted from another.</summary>
public sealed class DuckDbConcurrencyTests
{
    [Fact]
    public async Task Connections_on_several_threads_query_one_database_at_once()
    {
        using var db = DuckDbDatabase.Open();
        using (var setup = db.Connect())
        {
            setup.Execute("CREATE TABLE numbers AS SELECT i FROM range(100000) t(i)");
        }

        var sums = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            using var connection = db.Connect();
            return connection.ExecuteScalar<long>("SELECT sum(i) FROM numbers WHERE i % 8 = ?", worker);
        })));

        Assert.Equal(4_999_950_000L, sums.Sum());
    }

    [Fact]
    public async Task Interrupt_stops_a_running_query_with_a_DuckDbException()
    {
        using var db = DuckDbDatabase.Open();
        using var connection = db.Connect();
        using var started = new ManualResetEventSlim();

        var query = Task.Run(() =>
        {
            started.Set();
            return connection.ExecuteScalar<long>("SELECT count(*) FROM range(10000000000) a(x) WHERE x % 7 = 3");
        });
        started.Wait();

        DuckDbException? error = null;
        for (var attempt = 0; attempt < 100 && error is null; attempt++)
        {
            await Task.Delay(50);
            connection.Interrupt();
            if (query.IsCompleted)
            {
                error = await Assert.ThrowsAsync<DuckDbException>(() => query);
            }
        }

        Assert.NotNull(error);
        Assert.Equal(DuckDbErrorType.Interrupt, error.ErrorType);
    }
}
