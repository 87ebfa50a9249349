using Pipeline.DuckDb;

namespace Pipeline.UnitTests.DuckDb;

/// <summary>DuckDB's failures surface as DuckDbException with DuckDB's message and category.</summary>
public sealed class DuckDbReportsErrorsTests : IDisposable
{
    private readonly DuckDbDatabase _db = DuckDbDatabase.Open();
    private readonly DuckDbConnection _connection;

    public DuckDbReportsErrorsTests()
    {
        _connection = _db.Connect();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _db.Dispose();
    }

    public static TheoryData<string, DuckDbErrorType, string> Failures() => new()
    {
        { "SELEC 1", DuckDbErrorType.Parser, "Parser Error: syntax error at or near \"SELEC\"" },
        { "SELECT * FROM no_such_table", DuckDbErrorType.Catalog, "Catalog Error: Table with name no_such_table does not exist" },
        { "SELECT no_such_column FROM range(1)", DuckDbErrorType.Binder, "Binder Error" },
        { "SELECT * FROM read_json('/no/such/file.json')", DuckDbErrorType.IO, "IO Error: No files found that match the pattern \"/no/such/file.json\"" },
        { "SELECT * FROM read_parquet('/no/such/file.parquet')", DuckDbErrorType.IO, "/no/such/file.parquet" },
        { "SELECT CAST('abc' AS INTEGER)", DuckDbErrorType.Conversion, "Conversion Error" },
        { "SELECT 1::TINYINT + 200::TINYINT", DuckDbErrorType.Conversion, "Conversion Error" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failing_query_is_a_DuckDbException_with_DuckDBs_message(string sql, DuckDbErrorType type, string message)
    {
        var error = Assert.Throws<DuckDbException>(() => _connection.Query(sql));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(type, error.ErrorType);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failing_prepared_query_is_the_same_DuckDbException(string sql, DuckDbErrorType type, string message)
    {
        var error = Assert.Throws<DuckDbException>(() => _connection.Query($"{sql} LIMIT ?", 10));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(type, error.ErrorType);
    }

    [Fact]
    public void A_violated_constraint_is_a_DuckDbException()
    {
        _connection.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1)");

        var error = Assert.Throws<DuckDbException>(() => _connection.Execute("INSERT INTO t VALUES (?)", 1));

        Assert.Equal(DuckDbErrorType.Constraint, error.ErrorType);
        Assert.Contains("Duplicate key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_connection_stays_usable_after_an_error()
    {
        Assert.Throws<DuckDbException>(() => _connection.Execute("SELECT * FROM nowhere"));

        Assert.Equal(1, _connection.ExecuteScalar<int>("SELECT 1"));
    }

    [Fact]
    public void A_failed_statement_aborts_an_open_transaction_until_rollback()
    {
        _connection.Execute("BEGIN");
        Assert.Throws<DuckDbException>(() => _connection.Execute("SELECT CAST('x' AS INTEGER)"));

        var error = Assert.Throws<DuckDbException>(() => _connection.Execute("SELECT 1"));
        Assert.Contains("aborted", error.Message, StringComparison.OrdinalIgnoreCase);

        _connection.Execute("ROLLBACK");
        Assert.Equal(1, _connection.ExecuteScalar<int>("SELECT 1"));
    }
}
