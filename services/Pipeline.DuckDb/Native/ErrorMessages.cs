namespace Pipeline.DuckDb.Native;

/// <summary>Turns DuckDB's error reports into <see cref="DuckDbException"/>s.</summary>
internal static unsafe class ErrorMessages
{
    // DuckDB prefixes every message with its category ("Catalog Error: ..."). Preparing a statement reports only
    // the message, so the category is recovered from that prefix there; results report it directly.
    private static readonly Dictionary<string, DuckDbErrorType> Categories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Out of Range"] = DuckDbErrorType.OutOfRange,
        ["Conversion"] = DuckDbErrorType.Conversion,
        ["Unknown Type"] = DuckDbErrorType.UnknownType,
        ["Decimal"] = DuckDbErrorType.Decimal,
        ["Mismatch Type"] = DuckDbErrorType.MismatchType,
        ["Divide by Zero"] = DuckDbErrorType.DivideByZero,
        ["Object Size"] = DuckDbErrorType.ObjectSize,
        ["Invalid type"] = DuckDbErrorType.InvalidType,
        ["Serialization"] = DuckDbErrorType.Serialization,
        ["TransactionContext"] = DuckDbErrorType.Transaction,
        ["Transaction"] = DuckDbErrorType.Transaction,
        ["Not implemented"] = DuckDbErrorType.NotImplemented,
        ["Expression"] = DuckDbErrorType.Expression,
        ["Catalog"] = DuckDbErrorType.Catalog,
        ["Parser"] = DuckDbErrorType.Parser,
        ["Planner"] = DuckDbErrorType.Planner,
        ["Scheduler"] = DuckDbErrorType.Scheduler,
        ["Executor"] = DuckDbErrorType.Executor,
        ["Constraint"] = DuckDbErrorType.Constraint,
        ["Index"] = DuckDbErrorType.Index,
        ["Stat"] = DuckDbErrorType.Stat,
        ["Connection"] = DuckDbErrorType.Connection,
        ["Syntax"] = DuckDbErrorType.Syntax,
        ["Settings"] = DuckDbErrorType.Settings,
        ["Binder"] = DuckDbErrorType.Binder,
        ["Network"] = DuckDbErrorType.Network,
        ["Optimizer"] = DuckDbErrorType.Optimizer,
        ["NullPointer"] = DuckDbErrorType.NullPointer,
        ["IO"] = DuckDbErrorType.IO,
        ["INTERRUPT"] = DuckDbErrorType.Interrupt,
        ["FATAL"] = DuckDbErrorType.Fatal,
        ["INTERNAL"] = DuckDbErrorType.Internal,
        ["Invalid Input"] = DuckDbErrorType.InvalidInput,
        ["Out of Memory"] = DuckDbErrorType.OutOfMemory,
        ["Permission"] = DuckDbErrorType.Permission,
        ["Parameter Not Resolved"] = DuckDbErrorType.ParameterNotResolved,
        ["Parameter Not Allowed"] = DuckDbErrorType.ParameterNotAllowed,
        ["Dependency"] = DuckDbErrorType.Dependency,
        ["HTTP"] = DuckDbErrorType.Http,
        ["Missing Extension"] = DuckDbErrorType.MissingExtension,
        ["Extension Autoloading"] = DuckDbErrorType.Autoload,
        ["Sequence"] = DuckDbErrorType.Sequence,
        ["Invalid Configuration"] = DuckDbErrorType.InvalidConfiguration,
    };

    public static DuckDbException FromResult(ResultHandle result)
    {
        var message = NativeMethods.ReadUtf8(NativeMethods.duckdb_result_error(result)) ?? "DuckDB reported an error without a message.";
        var type = (DuckDbErrorType)NativeMethods.duckdb_result_error_type(result);
        return new DuckDbException(message, type == DuckDbErrorType.Invalid ? FromMessage(message) : type);
    }

    public static DuckDbException FromMessage(string? message, string fallback)
    {
        message ??= fallback;
        return new DuckDbException(message, FromMessage(message));
    }

    private static DuckDbErrorType FromMessage(string message)
    {
        var end = message.IndexOf(" Error:", StringComparison.Ordinal);
        return end > 0 && Categories.TryGetValue(message[..end], out var type) ? type : DuckDbErrorType.Invalid;
    }
}
