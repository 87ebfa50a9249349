using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Pipeline.DuckDb;
using Pipeline.LocalCloud.Athena.Sql;

namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>
/// Athena's partition pruning: the WHERE terms of a table reference that only involve its partition keys are
/// evaluated by DuckDB over a small table of the partitions' values, and only the partitions they keep are read.
/// Any term (equality, IN, ranges, BETWEEN, functions of the keys) works; a term DuckDB cannot evaluate prunes
/// nothing, so results never lose rows.
/// </summary>
internal static class PartitionPruner
{
    private const string TableName = "__athena_partitions";
    private const string IndexColumn = "__athena_index";

    public static IEnumerable<int> Keep(DuckDBConnection connection, ResolvedTable table, TableReference reference)
    {
        var all = Enumerable.Range(0, table.Partitions.Count);
        var terms = reference.Conjuncts.Where(t => OnlyPartitionKeys(t, table, reference)).ToList();
        if (terms.Count == 0 || table.Partitions.Count == 0)
        {
            return all;
        }

        try
        {
            CreatePartitionTable(connection, table);
            var filter = new JsonObject
            {
                ["class"] = "CONJUNCTION",
                ["type"] = "CONJUNCTION_AND",
                ["alias"] = "",
                ["query_location"] = 0,
                ["children"] = new JsonArray(terms.Select(t => (JsonNode)Unqualify(t.DeepClone())).ToArray()),
            };
            var template = connection.ExecuteScalar<string>($"SELECT json_serialize_sql('SELECT {IndexColumn} FROM {TableName} WHERE true')")!;
            var tree = JsonNode.Parse(template)!;
            tree["statements"]![0]!["node"]!["where_clause"] = filter;
            var sql = connection.ExecuteScalar<string>("SELECT json_deserialize_sql(?::JSON)", tree.ToJsonString())!;
            var kept = new List<int>();
            using var result = connection.Query(sql);
            while (result.Read())
            {
                kept.Add(result.GetInt32(0));
            }

            return kept;
        }
        catch (DuckDBException)
        {
            return all;
        }
    }

    private static void CreatePartitionTable(DuckDBConnection connection, ResolvedTable table)
    {
        var rows = Enumerable.Range(0, table.Partitions.Count).Select(i => $"({i}{table.PartitionValues(i)})");
        var keys = string.Concat(table.PartitionKeys.Select(k => ", " + DuckDbSql.Identifier(k.Name)));
        connection.Execute($"CREATE OR REPLACE TEMP TABLE {TableName} AS SELECT * FROM (VALUES {string.Join(", ", rows)}) AS v({IndexColumn}{keys})");
    }

    private static bool OnlyPartitionKeys(JsonNode term, ResolvedTable table, TableReference reference)
    {
        var columns = 0;
        var ok = true;
        QueryAnalyzer.Visit(term, node =>
        {
            var type = QueryAnalyzer.Type(node);
            if (node["class"]?.GetValue<string>() == "SUBQUERY" || type is "STAR" or "COLUMNS" || node.ContainsKey("window_spec") || type?.StartsWith("WINDOW", StringComparison.Ordinal) == true)
            {
                ok = false;
            }
            else if (type == "COLUMN_REF")
            {
                columns++;
                var names = node["column_names"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
                var isKey = table.PartitionKeys.Any(k => string.Equals(k.Name, names[^1], StringComparison.OrdinalIgnoreCase));
                var qualifierOk = names.Count == 1
                    || (names.Count == 2 && (string.Equals(names[0], reference.Alias ?? reference.Name, StringComparison.OrdinalIgnoreCase)))
                    || (names.Count == 3 && reference.Alias is null && string.Equals(names[1], reference.Name, StringComparison.OrdinalIgnoreCase));
                ok &= isKey && qualifierOk;
            }
        });
        return ok && columns > 0;
    }

    private static JsonNode Unqualify(JsonNode node)
    {
        QueryAnalyzer.Visit(node, o =>
        {
            if (QueryAnalyzer.Type(o) == "COLUMN_REF")
            {
                var last = o["column_names"]!.AsArray()[^1]!.GetValue<string>().ToLowerInvariant();
                o["column_names"] = new JsonArray(last);
            }
        });
        return node;
    }
}
