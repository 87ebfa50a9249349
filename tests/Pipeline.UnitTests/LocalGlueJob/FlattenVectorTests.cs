using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.DuckDb;
using Pipeline.LocalGlueJob;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.LocalGlueJob;

/// <summary>
/// Every shared vector of tests/vectors/flatten (the same ones the Python twin passes): the C# plan gives the expected
/// column names and types, and the DuckDB flatten and dedupe give the expected rows in order.
/// </summary>
public sealed class FlattenVectorTests
{
    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ReferenceFiles.RepositoryRoot, "tests", "vectors", "flatten"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void There_are_vectors() => Assert.True(Vectors().Count >= 6);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_plan_has_the_expected_columns(string vector)
    {
        var v = Load(vector);

        var plan = FlattenPlan.Plan(Columns(v.GetProperty("input")), v.GetProperty("time_field").GetString()!);

        Assert.Equal(Columns(v.GetProperty("expected")), plan.Select(c => (c.Name, c.Type)));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void DuckDb_gives_the_expected_rows(string vector)
    {
        var v = Load(vector);
        var file = Path.Combine(Path.GetTempPath(), "flatten-vector-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllLines(file, v.GetProperty("input").GetProperty("rows").EnumerateArray().Select(r => r.GetRawText().ReplaceLineEndings(" ")));
        try
        {
            using var connection = DuckDbConnections.OpenInMemory();
            var flattener = new DuckDbFlattener(connection, Columns(v.GetProperty("input")), v.GetProperty("id_field").GetString()!, v.GetProperty("time_field").GetString()!, []);
            flattener.Load(file);
            flattener.AddExistingIds(v.GetProperty("existing_ids").EnumerateArray().Select(e => e.ToString()));
            flattener.Flatten();
            flattener.Dedupe();

            var names = flattener.Plan.Select(c => c.Name).ToList();
            using var result = connection.Query(
                $"SELECT {string.Join(", ", names.Select(DuckDbSql.Identifier))} FROM unique_rows ORDER BY {DuckDbFlattener.FileColumn}, {DuckDbFlattener.RowColumn}");
            var rows = new JsonArray();
            while (result.Read())
            {
                rows.Add((JsonNode)new JsonObject(names.Select((n, i) => KeyValuePair.Create(n, JsonValues.FromDuckDb(result.GetValue(i))))));
            }

            var expected = v.GetProperty("expected").GetProperty("rows");
            var actual = JsonDocument.Parse(rows.ToJsonString()).RootElement;
            Assert.True(JsonValues.Equivalent(expected, actual), $"expected {expected.GetRawText()}\nbut got  {actual.GetRawText()}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static JsonElement Load(string vector) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceFiles.RepositoryRoot, "tests", "vectors", "flatten", vector))).RootElement;

    private static List<(string Name, string Type)> Columns(JsonElement table) =>
        table.GetProperty("columns").EnumerateArray().Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("type").GetString()!)).ToList();
}
