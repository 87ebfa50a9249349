using System.Globalization;
using System.Text;
using CsCheck;
using Pipeline.FuzzTests.Support;
using Pipeline.LocalCloud.Athena.Engine;
using Pipeline.LocalCloud.Athena.Sql;

namespace Pipeline.FuzzTests.Athena;

/// <summary>
/// The Athena SQL translation (analysis with DuckDB's parser, catalog resolution, partition pruning, views, DuckDB):
/// any query text gives rows or an Athena failure with a message (the FAILED state's reason), never another
/// exception or a hang; and, metamorphically, a WHERE predicate p splits a table's rows into p, NOT p and p IS NULL
/// (ternary logic partitioning), which also holds on the partitioned table, where p prunes partitions.
/// </summary>
public sealed class AthenaSqlTranslationTests(AthenaTables tables) : IClassFixture<AthenaTables>
{
    /// <summary>A query of the tiny tables takes milliseconds; this leaves room for a loaded two-core machine.</summary>
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(20);

    private static readonly string[] Seeds =
    [
        "SELECT vin, speed FROM events WHERE speed > 10 ORDER BY vin LIMIT 3",
        "SELECT month, count(*) AS n, avg(speed) FROM parts WHERE month >= '02' GROUP BY month HAVING count(*) > 0",
        "SELECT status.code, cardinality(tags), element_at(tags, 1) FROM fuzz.events",
        "WITH x AS (SELECT vin, n FROM awsdatacatalog.fuzz.parts WHERE month IN ('01', '03')) SELECT * FROM x WHERE n BETWEEN -5 AND 5",
        "SELECT e.vin, p.month FROM events e JOIN parts p ON e.vin = p.vin WHERE p.month <> '02' AND e.ok",
        "SELECT CAST(n AS varchar) || 'x', from_iso8601_timestamp('2026-01-01T00:00:00Z'), approx_distinct(vin) FROM events GROUP BY 1",
        "SELECT vin FROM events UNION ALL SELECT vin FROM parts WHERE month = '01'",
        "SHOW TABLES", "SHOW PARTITIONS parts", "DESCRIBE events", "SHOW COLUMNS IN parts",
        "SELECT 1", "select \"vin\" from \"fuzz\".\"events\" where \"vin\" like 'V%' escape '\\'",
    ];

    private static readonly string[] Tokens =
    [
        " ", "(", ")", ",", ";", "'", "\"", "*", "-- ", "/*", "*/", "SELECT ", " FROM ", " WHERE ", " AND ", " OR ", " NOT ", " NULL", " IS ",
        " JOIN ", " ON ", " GROUP BY ", " ORDER BY ", " LIMIT ", " UNION ", " AS ", " IN ", " LIKE ", " CAST(", " AS double)", " = ", " <> ",
        "events", "parts", "fuzz.", "awsdatacatalog.", "nosuch.", "month", "vin", "speed", "status.code", "tags[1]", "tags[0]", "n / 0", "1e400",
        "9223372036854775808", "'2026-13-45'", "DATE '2026-02-30'", "TIMESTAMP ", "INTERVAL '1' DAY", "read_csv('/etc/passwd')", "read_json_auto(",
        "ATTACH ", "COPY ", "PRAGMA ", "INSTALL ", "CREATE TABLE x AS ", "DROP TABLE ", "INSERT INTO ", "$1", "?", ":x", "\\", "é", "😀", "\u0000",
        "json_serialize_sql(", "regexp_like(vin, '(')", "lambda x: x", "[1,2]", "{'a': 1}", "::INT", "EXPLAIN ", "DESCRIBE ", "SHOW ",
    ];

    public static IEnumerable<object[]> Corpus() =>
        RepositoryFiles.CorpusFiles("athena").Select(f => new object[] { f.Name });

    [Fact]
    public void Any_query_text_gives_rows_or_an_Athena_failure()
    {
        var texts = Gen.Frequency(
            (8, Mutations.Text(Seeds, Tokens, maxEdits: 5)),
            (1, Gens.UnicodeText(0, 80)),
            (1, Gen.OneOf(Tokens).Array[1, 12].Select(t => string.Concat(t))));

        texts.Sample(Check, time: FuzzBudget.Seconds(0.6), threads: 1, print: Show);
    }

    [Fact]
    public void A_predicate_splits_the_rows_into_true_false_and_null()
    {
        var cases =
            from table in Gen.OneOf("events", "parts")
            from predicate in Predicate(3)
            select (predicate.Replace("month_or_vin", table == "parts" ? "month" : "vin", StringComparison.Ordinal), table);

        cases.Sample((predicate, table) =>
        {
            var all = Count($"SELECT count(*) FROM {table}");
            var parts = new[] { predicate, $"NOT ({predicate})", $"({predicate}) IS NULL" }
                .Select(p => Count($"SELECT count(*) FROM {table} WHERE {p}"))
                .ToArray();
            Assert.True(all == parts.Sum(), $"{all} rows, but {parts[0]} + {parts[1]} + {parts[2]} by true/false/null");
        }, time: FuzzBudget.Seconds(0.4), threads: 1, print: t => $"{t.Item2} WHERE {t.Item1}");
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Corpus_queries_give_rows_or_an_Athena_failure(string name) =>
        Check(Encoding.UTF8.GetString(RepositoryFiles.CorpusFiles("athena").Single(f => f.Name == name).Bytes));

    private void Check(string sql)
    {
        try
        {
            var outcome = Bounded.RunAsync(cancellation => tables.RunAsync(sql, cancellation), QueryTimeout).GetAwaiter().GetResult();
            Assert.All(outcome.Rows, row => Assert.Equal(outcome.Columns.Count, row.Length));
        }
        catch (AthenaQueryException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message), "an Athena failure without a reason");
            Assert.DoesNotContain("   at ", e.Message, StringComparison.Ordinal);
            Assert.Contains(e.ErrorCategory, new[] { QueryErrors.System, QueryErrors.User });
        }
    }

    private long Count(string sql)
    {
        var outcome = Bounded.RunAsync(cancellation => tables.RunAsync(sql, cancellation), QueryTimeout).GetAwaiter().GetResult();
        return long.Parse(outcome.Rows.Single()[0]!, CultureInfo.InvariantCulture);
    }

    /// <summary>Boolean expressions over the tables' columns (partition column included) with NULLs in play.</summary>
    private static Gen<string> Predicate(int depth)
    {
        var atoms = Gen.OneOf(
            Gen.Select(Gen.OneOf("vin", "month_or_vin"), Gen.OneOf("=", "<>", "<", ">=", "LIKE"), Gen.OneOf("'V1'", "''", "'V%'", "'02'", "'01'", "NULL"), (c, op, v) => $"{c} {op} {v}"),
            Gen.Select(Gen.OneOf("speed", "n", "status.code", "cardinality(tags)"), Gen.OneOf("=", "<>", "<", "<=", ">", ">="), Gen.OneOf("0", "1", "-3", "12.5", "NULL", "2147483647"), (c, op, v) => $"{c} {op} {v}"),
            Gen.Select(Gen.OneOf("vin", "speed", "ok", "tags", "status", "status.label"), Gen.Bool, (c, not) => $"{c} IS {(not ? "NOT " : "")}NULL"),
            Gen.OneOf("ok", "NOT ok", "n BETWEEN 0 AND 7", "vin IN ('V1', 'V2', NULL)", "contains(tags, 'a')", "coalesce(speed, 0) > 1", "true", "NULL"));

        var leaf = atoms;
        if (depth == 0)
        {
            return leaf;
        }

        var inner = Predicate(depth - 1);
        return Gen.Frequency(
            (3, leaf),
            (2, Gen.Select(inner, Gen.OneOf("AND", "OR"), inner, (a, op, b) => $"({a}) {op} ({b})")),
            (1, inner.Select(a => $"NOT ({a})")));
    }

    private static string Show(string sql) =>
        string.Concat(sql.Select(c => c is >= ' ' and < '\u007f' ? c.ToString() : $"\\u{(int)c:x4}"));
}
