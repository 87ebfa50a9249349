using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Pipeline.DuckDb;

namespace Pipeline.LocalCloud.Athena.Sql;

/// <summary>
/// Reads a SELECT with DuckDB's own parser (<c>json_serialize_sql</c>) and finds what it reads. Anything that is not
/// one SELECT (DDL, DML, several statements), and DuckDB's file-reading table functions, fail as Athena fails
/// queries it cannot analyse.
/// </summary>
internal static class QueryAnalyzer
{
    private const long NoLocation = -1;

    public static JsonObject Serialize(DuckDBConnection connection, string sql)
    {
        var json = connection.ExecuteScalar<string>("SELECT json_serialize_sql(?::VARCHAR)", sql)
            ?? throw QueryErrors.Internal("GENERIC_INTERNAL_ERROR: the parser returned nothing");
        var tree = JsonNode.Parse(json)!.AsObject();
        if (tree["error"]?.GetValue<bool>() == true)
        {
            var message = tree["error_message"]?.GetValue<string>() ?? "syntax error";
            var type = tree["error_type"]?.GetValue<string>();
            if (type == "parser")
            {
                var position = long.TryParse(tree["position"]?.GetValue<string>(), out var p) ? p : 0;
                throw QueryErrors.Analysis($"{SqlPosition.Of(sql, position)}: {TrinoStyle(message)}");
            }

            throw QueryErrors.Analysis($"NOT_SUPPORTED: LocalCloud's Athena runs SELECT, SHOW and DESCRIBE statements only ({message})");
        }

        var statements = tree["statements"]!.AsArray();
        // DuckDB skips empty statements (";;SELECT 1" is one statement to it); Trino's grammar has none.
        if (statements.Count != 1 || sql.TrimStart().StartsWith(';'))
        {
            throw QueryErrors.Analysis($"{SqlPosition.Of(sql, sql.IndexOf(';', StringComparison.Ordinal) is var i and >= 0 ? i : 0)}: mismatched input ';'. Expecting: <EOF>");
        }

        return statements[0]!.AsObject();
    }

    public static QueryAnalysis Analyze(DuckDBConnection connection, string sql)
    {
        var statement = Serialize(connection, sql);
        var root = statement["node"]!.AsObject();
        var ctes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Visit(root, o =>
        {
            if (o["cte_map"]?["map"] is JsonArray map)
            {
                ctes.UnionWith(map.Select(entry => entry?["key"]?.GetValue<string>()).OfType<string>());
            }
        });

        var walker = new Walker(sql, ctes);
        Visit(root, walker.Visit);
        return new QueryAnalysis
        {
            Tables = walker.Tables,
            ColumnPaths = walker.Columns,
            Stars = walker.Stars,
            OutputNames = OutputNames(root),
        };
    }

    /// <summary>Splits a WHERE clause into its top-level AND terms.</summary>
    public static IEnumerable<JsonNode> Conjuncts(JsonNode? node)
    {
        if (node is not JsonObject o)
        {
            yield break;
        }

        if (Type(o) == "CONJUNCTION_AND")
        {
            foreach (var child in o["children"]!.AsArray())
            {
                foreach (var term in Conjuncts(child))
                {
                    yield return term;
                }
            }
        }
        else
        {
            yield return o;
        }
    }

    public static string? Type(JsonObject node) => node["type"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static long Location(JsonObject node)
    {
        var value = node["query_location"];
        if (value is JsonValue v && v.TryGetValue<ulong>(out var location) && location < int.MaxValue)
        {
            return (long)location;
        }

        return NoLocation;
    }

    private static IReadOnlyList<string>? OutputNames(JsonObject node)
    {
        while (Type(node) == "SET_OPERATION_NODE" && node["left"] is JsonObject left)
        {
            node = left;
        }

        if (Type(node) != "SELECT_NODE" || node["select_list"] is not JsonArray list)
        {
            return null;
        }

        var names = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i]!.AsObject();
            var type = Type(item);
            if (type is "STAR" or "COLUMNS")
            {
                return null;
            }

            var alias = item["alias"]?.GetValue<string>();
            if (!string.IsNullOrEmpty(alias))
            {
                names.Add(alias.ToLowerInvariant());
            }
            else if (type == "COLUMN_REF" && item["column_names"] is JsonArray parts && parts.Count > 0)
            {
                names.Add(parts[^1]!.GetValue<string>().ToLowerInvariant());
            }
            else
            {
                names.Add($"_col{i}");
            }
        }

        return names;
    }

    /// <summary>Calls <paramref name="action"/> on every object of a parse tree, a parent before its children; the action may change them.</summary>
    public static void Visit(JsonNode? node, Action<JsonObject> action)
    {
        switch (node)
        {
            case JsonObject o:
                action(o);
                foreach (var (_, child) in o.ToList())
                {
                    Visit(child, action);
                }

                break;
            case JsonArray a:
                foreach (var child in a.ToList())
                {
                    Visit(child, action);
                }

                break;
        }
    }

    // DuckDB: 'syntax error at or near "FORM"'; Athena (Trino): "mismatched input 'FORM'. Expecting: ...".
    private static string TrinoStyle(string message)
    {
        const string marker = "syntax error at or near ";
        if (message.StartsWith(marker, StringComparison.Ordinal))
        {
            return $"mismatched input '{message[marker.Length..].Trim('"')}'. Expecting: <expression>";
        }

        return message.StartsWith("syntax error at end of input", StringComparison.Ordinal)
            ? "mismatched input '<EOF>'. Expecting: <expression>"
            : message;
    }

    private sealed class Walker(string sql, HashSet<string> ctes)
    {
        private readonly Dictionary<JsonObject, IReadOnlyList<JsonNode>> _direct = new(ReferenceEqualityComparer.Instance);

        public List<TableReference> Tables { get; } = [];

        public List<IReadOnlyList<string>> Columns { get; } = [];

        public List<string> Stars { get; } = [];

        public void Visit(JsonObject o)
        {
            switch (Type(o))
            {
                case "SELECT_NODE":
                    var conjuncts = Conjuncts(o["where_clause"]).ToList();
                    foreach (var table in DirectTables(o["from_table"]))
                    {
                        _direct[table] = conjuncts;
                    }

                    break;
                case "BASE_TABLE":
                    var name = o["table_name"]!.GetValue<string>();
                    var schema = o["schema_name"]?.GetValue<string>();
                    var catalog = o["catalog_name"]?.GetValue<string>();
                    if (string.IsNullOrEmpty(schema) && ctes.Contains(name))
                    {
                        break;
                    }

                    var alias = o["alias"]?.GetValue<string>();
                    Tables.Add(new TableReference(
                        string.IsNullOrEmpty(catalog) ? null : catalog,
                        string.IsNullOrEmpty(schema) ? null : schema,
                        name,
                        string.IsNullOrEmpty(alias) ? null : alias,
                        Location(o),
                        _direct.TryGetValue(o, out var terms) ? terms : []));
                    break;
                case "TABLE_FUNCTION":
                    var function = o["function"]?["function_name"]?.GetValue<string>() ?? "?";
                    throw QueryErrors.Analysis($"FUNCTION_NOT_FOUND: {SqlPosition.Of(sql, Location(o))}: Table function '{function}' not registered");
                case "SHOW_REF":
                    throw QueryErrors.Analysis($"NOT_SUPPORTED: {SqlPosition.Of(sql, Location(o))}: this form of SHOW or DESCRIBE is not supported");
                case "COLUMN_REF":
                    Columns.Add(o["column_names"]!.AsArray().Select(n => n!.GetValue<string>()).ToList());
                    break;
                case "STAR":
                case "COLUMNS":
                    Stars.Add(o["relation_name"]?.GetValue<string>() ?? "");
                    break;
            }
        }

        private static IEnumerable<JsonObject> DirectTables(JsonNode? from)
        {
            if (from is not JsonObject o)
            {
                yield break;
            }

            switch (Type(o))
            {
                case "BASE_TABLE":
                    yield return o;
                    break;
                case "JOIN":
                    // Outer joins keep rows whose other side fails the WHERE; only inner joins prune both sides safely.
                    var joinType = o["join_type"]?.GetValue<string>();
                    var inner = joinType is null or "INNER";
                    foreach (var side in new[] { "left", "right" })
                    {
                        if (!inner && !(joinType == "LEFT" && side == "left") && !(joinType == "RIGHT" && side == "right"))
                        {
                            continue;
                        }

                        foreach (var table in DirectTables(o[side]))
                        {
                            yield return table;
                        }
                    }

                    break;
            }
        }
    }
}

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

/// <summary>
/// One place a query reads a catalog table, with the WHERE conjuncts of the SELECT that reads it directly: the
/// candidates for partition pruning. <see cref="Location"/> is the character offset of the reference.
/// </summary>
internal sealed record TableReference(string? Catalog, string? Schema, string Name, string? Alias, long Location, IReadOnlyList<JsonNode> Conjuncts);
