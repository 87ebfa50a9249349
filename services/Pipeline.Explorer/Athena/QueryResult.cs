namespace Pipeline.Explorer.Athena;

/// <summary>
/// What the page shows for one query: the SQL, the outcome (Athena's state and, when it failed, its error text), the
/// rows, and the cost (<c>DataScannedInBytes</c>, run time, price).
/// </summary>
public sealed record QueryResult
{
    public string? Name { get; init; }

    public required string Sql { get; init; }

    public string? QueryExecutionId { get; init; }

    /// <summary><c>SUCCEEDED</c>, <c>FAILED</c>, <c>CANCELLED</c>, or <c>ERROR</c> when Athena refused the call itself.</summary>
    public required string State { get; init; }

    /// <summary>Athena's error text (StateChangeReason, or the API error's message).</summary>
    public string? Error { get; init; }

    public IReadOnlyList<ResultColumn> Columns { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<string?>> Rows { get; init; } = [];

    public bool Truncated { get; init; }

    public long DataScannedInBytes { get; init; }

    /// <summary>TotalExecutionTimeInMillis as Athena reports it.</summary>
    public long RunTimeMillis { get; init; }

    public decimal PriceUsd { get; init; }

    /// <summary>When the Explorer had the answer (its clock), for the age of the data on the page.</summary>
    public DateTimeOffset AnsweredAt { get; init; }
}
