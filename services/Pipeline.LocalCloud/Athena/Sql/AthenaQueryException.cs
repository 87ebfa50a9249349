namespace Pipeline.LocalCloud.Athena.Sql;

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
