namespace Pipeline.Aws.Athena;

/// <summary>The default database (and catalog) of a query's unqualified table names.</summary>
public sealed record QueryExecutionContext(string? Database, string? Catalog = null);
