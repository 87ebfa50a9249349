using Pipeline.LocalCloud.Athena.Api;

namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>
/// A finished query: its columns, its rows as Athena's text values (null for SQL NULL), what it scanned. A
/// <see cref="HasHeaderRow"/> outcome (SELECT) is written as CSV with a header; SHOW and DESCRIBE are text lines.
/// </summary>
internal sealed record QueryOutcome(
    StatementType StatementType,
    IReadOnlyList<ColumnInfo> Columns,
    IReadOnlyList<string?[]> Rows,
    long DataScannedInBytes,
    bool HasHeaderRow);
