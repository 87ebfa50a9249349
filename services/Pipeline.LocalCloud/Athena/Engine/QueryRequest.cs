namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>What the engine needs to run one query.</summary>
internal sealed record QueryRequest(string Sql, string? Database, string? Catalog, long? BytesScannedCutoff);
