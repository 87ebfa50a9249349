namespace Pipeline.Aws.Athena;

/// <summary>One result row. The first row of the first page of a SELECT holds the column labels.</summary>
public sealed record Row(IReadOnlyList<Datum> Data);
