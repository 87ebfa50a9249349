namespace Pipeline.DuckDb;

/// <summary>
/// DuckDB's error categories (duckdb_error_type; the numeric values are DuckDB's). The message of a
/// <see cref="DuckDbException"/> starts with the same category in words, for example "Catalog Error: ...".
/// </summary>
public enum DuckDbErrorType
{
    /// <summary>No category: the error did not come from DuckDB's query engine (for example a bind or open failure).</summary>
    Invalid = 0,

    /// <summary>A value out of range for its type.</summary>
    OutOfRange = 1,

    /// <summary>A failed conversion or cast.</summary>
    Conversion = 2,

    /// <summary>An unknown type.</summary>
    UnknownType = 3,

    /// <summary>A decimal error.</summary>
    Decimal = 4,

    /// <summary>Mismatched types.</summary>
    MismatchType = 5,

    /// <summary>Division by zero.</summary>
    DivideByZero = 6,

    /// <summary>An object too large.</summary>
    ObjectSize = 7,

    /// <summary>An invalid type.</summary>
    InvalidType = 8,

    /// <summary>A serialization error.</summary>
    Serialization = 9,

    /// <summary>A transaction conflict or error.</summary>
    Transaction = 10,

    /// <summary>Not implemented by DuckDB.</summary>
    NotImplemented = 11,

    /// <summary>An expression error.</summary>
    Expression = 12,

    /// <summary>A missing or duplicate table, view, schema or function.</summary>
    Catalog = 13,

    /// <summary>A SQL syntax error.</summary>
    Parser = 14,

    /// <summary>A planner error.</summary>
    Planner = 15,

    /// <summary>A scheduler error.</summary>
    Scheduler = 16,

    /// <summary>An executor error.</summary>
    Executor = 17,

    /// <summary>A violated constraint (primary key, not null, check).</summary>
    Constraint = 18,

    /// <summary>An index error.</summary>
    Index = 19,

    /// <summary>A statistics error.</summary>
    Stat = 20,

    /// <summary>A connection error.</summary>
    Connection = 21,

    /// <summary>A syntax error.</summary>
    Syntax = 22,

    /// <summary>A settings error.</summary>
    Settings = 23,

    /// <summary>A binder error: unknown columns, wrong argument types.</summary>
    Binder = 24,

    /// <summary>A network error.</summary>
    Network = 25,

    /// <summary>An optimizer error.</summary>
    Optimizer = 26,

    /// <summary>A null pointer.</summary>
    NullPointer = 27,

    /// <summary>A file system error: missing or unreadable files.</summary>
    IO = 28,

    /// <summary>The query was interrupted.</summary>
    Interrupt = 29,

    /// <summary>A fatal error: the database must be reopened.</summary>
    Fatal = 30,

    /// <summary>An internal DuckDB error.</summary>
    Internal = 31,

    /// <summary>Invalid input: malformed files or values.</summary>
    InvalidInput = 32,

    /// <summary>Out of memory.</summary>
    OutOfMemory = 33,

    /// <summary>Not permitted.</summary>
    Permission = 34,

    /// <summary>A parameter type could not be resolved.</summary>
    ParameterNotResolved = 35,

    /// <summary>A parameter where none is allowed.</summary>
    ParameterNotAllowed = 36,

    /// <summary>A dependency error.</summary>
    Dependency = 37,

    /// <summary>An HTTP error.</summary>
    Http = 38,

    /// <summary>An extension that is not installed or not loaded.</summary>
    MissingExtension = 39,

    /// <summary>An extension autoload failure.</summary>
    Autoload = 40,

    /// <summary>A sequence error.</summary>
    Sequence = 41,

    /// <summary>An invalid configuration.</summary>
    InvalidConfiguration = 42,
}
