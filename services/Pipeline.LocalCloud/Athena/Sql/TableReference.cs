using System.Text.Json.Nodes;

namespace Pipeline.LocalCloud.Athena.Sql;

/// <summary>
/// One place a query reads a catalog table, with the WHERE conjuncts of the SELECT that reads it directly: the
/// candidates for partition pruning. <see cref="Location"/> is the character offset of the reference.
/// </summary>
internal sealed record TableReference(string? Catalog, string? Schema, string Name, string? Alias, long Location, IReadOnlyList<JsonNode> Conjuncts);
