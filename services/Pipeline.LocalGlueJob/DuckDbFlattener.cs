using System.Globalization;
using DuckDB.NET.Data;
using Pipeline.DuckDb;

namespace Pipeline.LocalGlueJob;

/// <summary>
/// The flatten rule (docs/orchestration.md) in DuckDB SQL over one connection: raw NDJSON files are loaded into
/// <c>raw</c> with the catalog's types, flattened into <c>flat</c> and deduplicated into <c>unique_rows</c>. Input
/// order is (file index, line), which every step keeps, so "the first row wins" means the same as in the Spark job.
/// </summary>
internal sealed class DuckDbFlattener
{
    public const string FileColumn = "__pipeline_file";

    public const string RowColumn = "__pipeline_row";

    /// <summary>What Hive and Spark call a partition whose value is null or empty.</summary>
    public const string HiveDefaultPartition = "__HIVE_DEFAULT_PARTITION__";

    // RE2 has no look-ahead, so where the Python pattern says "(?!.)" a full match does the same. A zone is required.
    private const string IsoTimestampPattern = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})";

    private readonly DuckDBConnection _connection;
    private readonly IReadOnlyList<(string Name, GlueType Type)> _rawColumns;
    private readonly string _timeField;
    private readonly Dictionary<string, string> _sqlNames;
    private int _files;

    public DuckDbFlattener(DuckDBConnection connection, IEnumerable<(string Name, string Type)> rawColumns, string idField, string timeField, IEnumerable<string> partitionKeys)
    {
        _connection = connection;
        _timeField = timeField;
        var columns = rawColumns.ToList();
        Plan = FlattenPlan.Plan(columns, timeField);
        IdName = FlattenPlan.OutputName(Plan, idField);
        TimeName = FlattenPlan.OutputName(Plan, timeField);
        Keys = FlattenPlan.PartitionKeys(Plan, partitionKeys, timeField);
        _rawColumns = columns.Select(c => (c.Name, GlueTypes.Parse(c.Type))).ToList();
        _sqlNames = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _rawColumns.Count; i++)
        {
            _sqlNames[_rawColumns[i].Name] = "c" + i.ToString(CultureInfo.InvariantCulture);
        }

        // Times are parsed and rendered in UTC whatever the machine's zone.
        _connection.Execute("SET TimeZone = 'UTC'");
        // DuckDB's names are case-insensitive and the catalog's are not (a_b and A_B are two columns), so raw columns
        // are named by position.
        var definitions = _rawColumns.Select(c => $"{_sqlNames[c.Name]} {ReadType(c.Name, c.Type)}");
        _connection.Execute($"CREATE OR REPLACE TEMP TABLE raw ({string.Join(", ", definitions)}, {FileColumn} INTEGER)");
        _connection.Execute($"CREATE OR REPLACE TEMP TABLE existing_ids (id VARCHAR)");
    }

    public IReadOnlyList<PlannedColumn> Plan { get; }

    public string IdName { get; }

    public string TimeName { get; }

    public IReadOnlyList<StagePartitionKey> Keys { get; }

    /// <summary>The flattened columns that go into the Parquet files: all but the partition keys.</summary>
    public IReadOnlyList<PlannedColumn> DataColumns => Plan.Where(c => !Keys.Any(k => k.Name == c.Name)).ToList();

    /// <summary>Appends one NDJSON file (gzip or plain, told by its first bytes) to <c>raw</c>, after the earlier ones.</summary>
    public long Load(string path)
    {
        // The JSON SerDe's rule, file by file: each top-level key is taken by its exact name and converted to the
        // catalog's type, so a column the file lacks (ingest_time in a file not from Firehose) is null, a struct
        // member it lacks is null, a field the table lacks is ignored, and a value that does not convert is null, as
        // Spark's match_catalog cast makes it. No file changes the columns of raw, whatever its fields or folders.
        var values = _rawColumns.Select(c =>
            $"json_transform(json_extract(json, {DuckDbSql.Literal("$.\"" + c.Name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")}), {DuckDbSql.Literal(Structure(c.Name, c.Type))})");
        var compression = IsGzip(path) ? "gzip" : "uncompressed";
        var index = _files++;
        return _connection.Execute(
            $"INSERT INTO raw SELECT {string.Join(", ", values)}, {index.ToString(CultureInfo.InvariantCulture)} FROM read_json_objects(?, format = 'newline_delimited', compression = '{compression}', hive_partitioning = false)",
            path);
    }

    /// <summary>Ids already in stage, which the rows being written must not repeat.</summary>
    public void AddExistingIds(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            _connection.Execute("INSERT INTO existing_ids VALUES (?)", id);
        }
    }

    /// <summary>Adds the ids of existing stage Parquet files (those that have the id column).</summary>
    public void AddExistingIdsFromParquet(IReadOnlyList<string> files)
    {
        foreach (var file in files)
        {
            using var schema = _connection.Query("SELECT name FROM parquet_schema(?)", file);
            var hasId = false;
            while (schema.Read())
            {
                hasId |= schema.GetString(0) == IdName;
            }

            if (hasId)
            {
                _connection.Execute($"INSERT INTO existing_ids SELECT CAST({DuckDbSql.Identifier(IdName)} AS VARCHAR) FROM read_parquet(?)", file);
            }
        }
    }

    /// <summary>Builds <c>flat</c> from <c>raw</c>; the number of rows read.</summary>
    public long Flatten()
    {
        var select = new List<string>();
        foreach (var column in Plan)
        {
            var key = Keys.FirstOrDefault(k => k.Name == column.Name);
            var expression = Expression(column);
            // Partition folders hold strings, as the stage table declares its partition keys.
            select.Add((key is null ? expression : $"CAST({expression} AS VARCHAR)") + " AS " + DuckDbSql.Identifier(column.Name));
        }

        foreach (var key in Keys.Where(k => k.DerivedFromTime))
        {
            select.Add($"strftime({TimeExpression(Plan.First(c => c.IsTime))}, '%Y-%m-%d') AS {DuckDbSql.Identifier(key.Name)}");
        }

        select.Add(FileColumn);
        select.Add($"rowid AS {RowColumn}");
        _connection.Execute($"CREATE OR REPLACE TEMP TABLE flat AS SELECT {string.Join(", ", select)} FROM raw ORDER BY {FileColumn}, rowid");
        return _connection.ExecuteScalar<long>("SELECT count(*) FROM flat");
    }

    /// <summary>Builds <c>unique_rows</c>: the first row of each id (nulls are one group) whose id is not in stage; its count.</summary>
    public long Dedupe()
    {
        var id = DuckDbSql.Identifier(IdName);
        _connection.Execute(
            $"""
            CREATE OR REPLACE TEMP TABLE unique_rows AS
            SELECT * EXCLUDE (__pipeline_rank) FROM (
                SELECT *, row_number() OVER (PARTITION BY {id} ORDER BY {FileColumn}, {RowColumn}) AS __pipeline_rank FROM flat
            ) AS ranked
            WHERE __pipeline_rank = 1
              AND NOT EXISTS (SELECT 1 FROM existing_ids AS e WHERE e.id = CAST(ranked.{id} AS VARCHAR))
            ORDER BY {FileColumn}, {RowColumn}
            """);
        return _connection.ExecuteScalar<long>("SELECT count(*) FROM unique_rows");
    }

    /// <summary>The distinct partition values of <c>flat</c> or <c>unique_rows</c>, in key order, nulls and empties as Hive's default partition.</summary>
    public IReadOnlyList<IReadOnlyList<string>> PartitionValues(string table = "unique_rows")
    {
        var keys = string.Join(", ", Keys.Select(k => PartitionValue(k.Name)));
        using var result = _connection.Query($"SELECT DISTINCT {keys} FROM {DuckDbSql.Identifier(table)} ORDER BY ALL");
        var values = new List<IReadOnlyList<string>>();
        while (result.Read())
        {
            values.Add(Enumerable.Range(0, Keys.Count).Select(result.GetString).ToList());
        }

        return values;
    }

    /// <summary>
    /// How old each written row's event is at <paramref name="now"/>: (seconds, rounded to a tenth, and how many rows),
    /// rows without a time left out; what the stage layer's freshness is measured from.
    /// </summary>
    public IReadOnlyList<(double Seconds, long Rows)> EventAges(DateTimeOffset now)
    {
        var time = DuckDbSql.Identifier(TimeName);
        var at = (now.ToUnixTimeMilliseconds() / 1000.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        using var result = _connection.Query(
            $"SELECT round({at} - epoch({time}), 1) AS age, count(*) FROM unique_rows WHERE {time} IS NOT NULL GROUP BY age ORDER BY age");
        var ages = new List<(double, long)>();
        while (result.Read())
        {
            ages.Add((result.GetDouble(0), result.GetInt64(1)));
        }

        return ages;
    }

    /// <summary>Writes <c>unique_rows</c> as hive-partitioned Parquet under <paramref name="directory"/>, files named <c>&lt;prefix&gt;-&lt;n&gt;.parquet</c>.</summary>
    public void WriteParquet(string directory, string compression, string filePrefix)
    {
        var data = DataColumns.Select(c => DuckDbSql.Identifier(c.Name));
        var keys = Keys.Select(k => PartitionValue(k.Name) + " AS " + DuckDbSql.Identifier(k.Name));
        var partitionBy = string.Join(", ", Keys.Select(k => DuckDbSql.Identifier(k.Name)));
        _connection.Execute(
            $"""
            COPY (SELECT {string.Join(", ", data.Concat(keys))} FROM unique_rows ORDER BY {FileColumn}, {RowColumn})
            TO {DuckDbSql.Literal(directory)}
            (FORMAT PARQUET, PARTITION_BY ({partitionBy}), COMPRESSION {DuckDbSql.Literal(compression)}, FILENAME_PATTERN {DuckDbSql.Literal(filePrefix + "-{i}")}, OVERWRITE_OR_IGNORE true)
            """);
    }

    /// <summary>The SQL producing one planned column from <c>raw</c>.</summary>
    public string Expression(PlannedColumn column) => column.IsTime ? TimeExpression(column) : Access(column.SourcePath);

    private static string PartitionValue(string key) =>
        $"coalesce(nullif({DuckDbSql.Identifier(key)}, ''), {DuckDbSql.Literal(HiveDefaultPartition)})";

    // A struct child is read through struct_extract, which gives null for a null or missing struct.
    private string Access(IReadOnlyList<string> path)
    {
        var expression = _sqlNames[path[0]];
        foreach (var part in path.Skip(1))
        {
            expression = $"struct_extract({expression}, {DuckDbSql.Literal(part)})";
        }

        return expression;
    }

    // ISO 8601 with Z or an offset of at most 18:00 → UTC TIMESTAMP; digits past microseconds are cut, as Spark does.
    private string TimeExpression(PlannedColumn column)
    {
        var text = $"CAST({Access(column.SourcePath)} AS VARCHAR)";
        var micros = $"regexp_replace({text}, '([.][0-9]{{6}})[0-9]+', '\\1')";
        var offsetOk = $"(right({text}, 1) = 'Z' OR (TRY_CAST(substr({text}, -2, 2) AS INTEGER) <= 59 AND TRY_CAST(substr({text}, -5, 2) AS INTEGER) * 60 + TRY_CAST(substr({text}, -2, 2) AS INTEGER) <= 1080))";
        return $"CASE WHEN regexp_full_match({text}, '{IsoTimestampPattern}') AND {offsetOk} THEN CAST(try_cast({micros} AS TIMESTAMPTZ) AS TIMESTAMP) END";
    }

    private static bool IsGzip(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        return stream.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    // json_transform's structure: a type name, [element] for an array, {"field": …} for a struct.
    private string Structure(string name, GlueType type)
    {
        if (name == _timeField && type is GluePrimitiveType)
        {
            return "\"VARCHAR\"";
        }

        return StructureOf(type);
    }

    private static string StructureOf(GlueType type) => type switch
    {
        GlueArrayType a => "[" + StructureOf(a.Element) + "]",
        GlueStructType s => "{" + string.Join(",", s.Fields.Select(f => "\"" + System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(f.Name) + "\":" + StructureOf(f.Type))) + "}",
        _ => "\"" + GlueTypes.ToDuckDb(type) + "\"",
    };

    // The time field is read as text whatever its catalog type, so one parser decides what is a valid time.
    private string ReadType(string name, GlueType type) =>
        name == _timeField && type is GluePrimitiveType ? "VARCHAR" : GlueTypes.ToDuckDb(type);
}
