namespace Pipeline.LocalCloud.Athena.Sql;

/// <summary>What a SELECT reads, from DuckDB's parse tree: the tables, the column paths, the stars, the output names.</summary>
internal sealed record QueryAnalysis
{
    public required IReadOnlyList<TableReference> Tables { get; init; }

    /// <summary>Every column reference as written: <c>["vehicle_status","speed_kmh"]</c>, <c>["t","year"]</c>, <c>["vendor"]</c>.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> ColumnPaths { get; init; }

    /// <summary>The relation of every <c>*</c> ("" when unqualified).</summary>
    public required IReadOnlyList<string> Stars { get; init; }

    /// <summary>Athena's names of the output columns, or null when the select list has a <c>*</c> (DuckDB names them then).</summary>
    public IReadOnlyList<string>? OutputNames { get; init; }
}
