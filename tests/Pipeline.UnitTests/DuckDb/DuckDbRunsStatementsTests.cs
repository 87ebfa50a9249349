using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>DDL and DML run, report the rows they change, and honour transactions.</summary>
public sealed class DuckDbRunsStatementsTests : IDisposable
{
    private readonly DuckDbDatabase _db = DuckDbDatabase.Open();
    private readonly DuckDbConnection _connection;

    public DuckDbRunsStatementsTests()
    {
        _connection = _db.Connect();
        _connection.Execute("CREATE TABLE vehicles (id VARCHAR PRIMARY KEY, speed DOUBLE, vendor VARCHAR)");
    }

    public void Dispose()
    {
        _connection.Dispose();
        _db.Dispose();
    }

    [Fact]
    public void Inserts_updates_and_deletes_report_the_rows_they_change()
    {
        Assert.Equal(3, _connection.Execute("INSERT INTO vehicles VALUES ('a', 10, 'volvo'), ('b', 20, 'volvo'), ('c', 30, 'scania')"));
        Assert.Equal(2, _connection.Execute("UPDATE vehicles SET speed = speed + 1 WHERE vendor = ?", "volvo"));
        Assert.Equal(1, _connection.Execute("DELETE FROM vehicles WHERE id = ?", "c"));
        Assert.Equal(0, _connection.Execute("CREATE VIEW fast AS SELECT * FROM vehicles WHERE speed > 15"));

        Assert.Equal(32.0, _connection.ExecuteScalar<double>("SELECT sum(speed) FROM vehicles"));
        Assert.Equal("b", _connection.ExecuteScalar<string>("SELECT id FROM fast"));
    }

    [Fact]
    public void Several_statements_run_in_one_call_without_parameters()
    {
        _connection.Execute("""
            INSERT INTO vehicles VALUES ('a', 1, 'x');
            INSERT INTO vehicles VALUES ('b', 2, 'x');
            ALTER TABLE vehicles ADD COLUMN note VARCHAR DEFAULT 'n';
            """);

        Assert.Equal(2L, _connection.ExecuteScalar<long>("SELECT count(*) FROM vehicles WHERE note = 'n'"));
    }

    [Fact]
    public void A_rolled_back_transaction_leaves_nothing_behind()
    {
        _connection.Execute("BEGIN TRANSACTION");
        _connection.Execute("INSERT INTO vehicles VALUES ('a', 1, 'x')");
        _connection.Execute("ROLLBACK");

        Assert.Equal(0L, _connection.ExecuteScalar<long>("SELECT count(*) FROM vehicles"));
    }

    [Fact]
    public void Another_connection_sees_committed_rows()
    {
        _connection.Execute("INSERT INTO vehicles VALUES ('a', 1, 'x')");
        using var other = _db.Connect();

        Assert.Equal(1L, other.ExecuteScalar<long>("SELECT count(*) FROM vehicles"));
    }

    [Fact]
    public void A_query_reports_column_names_and_types()
    {
        using var result = _connection.Query("SELECT id, speed, vendor, 1::BIGINT AS one FROM vehicles");

        Assert.Equal(["id", "speed", "vendor", "one"], result.ColumnNames);
        Assert.Equal([DuckDbType.Varchar, DuckDbType.Double, DuckDbType.Varchar, DuckDbType.BigInt], result.ColumnTypes);
        Assert.Equal(4, result.ColumnCount);
        Assert.Equal(2, result.GetOrdinal("VENDOR"));
        Assert.False(result.Read());
    }

    [Fact]
    public void ExecuteScalar_of_no_rows_is_null_for_nullable_types_and_an_error_otherwise()
    {
        Assert.Null(_connection.ExecuteScalar<string>("SELECT id FROM vehicles"));
        Assert.Null(_connection.ExecuteScalar<long?>("SELECT count(*) FROM vehicles WHERE false GROUP BY id"));
        Assert.Throws<InvalidCastException>(() => _connection.ExecuteScalar<long>("SELECT 1 WHERE false"));
        Assert.Throws<InvalidCastException>(() => _connection.ExecuteScalar<long>("SELECT NULL::BIGINT"));
    }
}
