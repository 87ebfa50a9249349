namespace Pipeline.DuckDb;

/// <summary>
/// An error reported by DuckDB (bad SQL, a missing table or file, a failed cast, a bad parameter). The message is
/// DuckDB's own.
/// </summary>
public sealed class DuckDbException : Exception
{
    /// <summary>Creates an exception with DuckDB's message and no category.</summary>
    public DuckDbException(string message)
        : this(message, DuckDbErrorType.Invalid)
    {
    }

    /// <summary>Creates an exception with DuckDB's message and category.</summary>
    public DuckDbException(string message, DuckDbErrorType errorType)
        : base(message)
    {
        ErrorType = errorType;
    }

    /// <summary>Creates an exception that wraps another one.</summary>
    public DuckDbException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>DuckDB's category for the error, when it gave one.</summary>
    public DuckDbErrorType ErrorType { get; }
}
