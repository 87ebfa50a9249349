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
