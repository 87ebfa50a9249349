namespace Pipeline.LocalCloud.Athena.Sql;

/// <summary>
/// The failures LocalCloud's Athena reports, with the numbers of Athena's error catalog: category 1 is SYSTEM and
/// 2 USER; type 1006 is a query Athena cannot analyse (syntax, unknown table, column or function, type mismatch,
/// unsupported statement), 1001 a data error met while reading or computing, 1000 a user error outside the query
/// text (the workgroup's bytes-scanned cutoff), 401 a failure to write results to S3, 100 an internal error.
/// </summary>
internal static class QueryErrors
{
    public const int System = 1;

    public const int User = 2;

    public const int AnalysisError = 1006;

    public const int DataError = 1001;

    public const int UserError = 1000;

    public const int ResultWriteError = 401;

    public const int InternalError = 100;

    public static AthenaQueryException Analysis(string message) => new(message, User, AnalysisError);

    public static AthenaQueryException Data(string message) => new(message, User, DataError);

    public static AthenaQueryException Internal(string message) => new(message, System, InternalError, retryable: true);

    public static AthenaQueryException BytesScannedCutoff() =>
        new("Query cancelled! : Bytes scanned limit was exceeded", User, UserError);

    public static AthenaQueryException ResultWrite(string message) => new(message, User, ResultWriteError);
}

/// <summary>
/// A query that fails the way an Athena query fails: the message is Athena's StateChangeReason (for example
/// <c>TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.db.t' does not exist</c>), with the category and type of
/// Athena's error catalog (see <see cref="QueryErrors"/>).
/// </summary>
internal sealed class AthenaQueryException(string message, int errorCategory, int errorType, bool retryable = false) : Exception(message)
{
    public int ErrorCategory { get; } = errorCategory;

    public int ErrorType { get; } = errorType;

    public bool Retryable { get; } = retryable;
}

/// <summary>Athena's <c>line L:C</c> position prefix, from a character offset into the query text.</summary>
internal static class SqlPosition
{
    // DuckDB marks "no position" with the largest unsigned value.
    public static string Of(string sql, long offset)
    {
        if (offset < 0 || offset > sql.Length)
        {
            offset = 0;
        }

        var line = 1;
        var column = 1;
        for (var i = 0; i < offset; i++)
        {
            if (sql[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return $"line {line}:{column}";
    }
}
