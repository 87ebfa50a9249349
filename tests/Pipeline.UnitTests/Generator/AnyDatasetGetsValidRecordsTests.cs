using System.Text;
using System.Text.Json;
using Pipeline.Contracts.Datasets;
using Pipeline.Generator.Data;
using Pipeline.Generator.Data.Schema;
using Pipeline.UnitTests.Generator.Fakes;

namespace Pipeline.UnitTests.Generator;

/// <summary>A dataset added to datasets.json gets valid records from its field definitions alone, without new code.</summary>
public sealed class AnyDatasetGetsValidRecordsTests
{
    private const string Orders = """
        {"datasets":[{
          "name": "orders", "id_field": "order_id", "time_field": "placed_at",
          "fields": [
            { "name": "order_id", "type": "string", "required": true, "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$" },
            { "name": "placed_at", "type": "timestamp", "required": true },
            { "name": "shipped_at", "type": "timestamp", "required": false },
            { "name": "sku", "type": "string", "required": true, "pattern": "^[A-Z]{3}-\\d{4}(-[A-Z0-9]{2})?$" },
            { "name": "colour", "type": "string", "required": true, "pattern": "^(red|green|blue)$" },
            { "name": "channel", "type": "string", "required": true, "enum": ["web", "store", "phone"] },
            { "name": "quantity", "type": "int", "required": true, "min": 1, "max": 12 },
            { "name": "total_cents", "type": "long", "required": true, "min": 0, "max": 10000000000 },
            { "name": "discount", "type": "double", "required": false, "min": 0, "max": 0.5 },
            { "name": "gift", "type": "boolean", "required": true },
            { "name": "customer_email", "type": "string", "required": true, "max_length": 64 },
            { "name": "note", "type": "string", "required": false, "min_length": 5, "max_length": 12 },
            { "name": "code", "type": "string", "required": true, "pattern": "(?i)^abc$" },
            { "name": "address", "type": "struct", "required": true, "fields": [
                { "name": "city", "type": "string", "required": true, "max_length": 40 },
                { "name": "country", "type": "string", "required": true, "pattern": "^[A-Z]{2}$" },
                { "name": "zip", "type": "string", "required": false, "pattern": "^\\d{5}$" }
            ]},
            { "name": "lines", "type": "array", "required": true, "max_items": 3, "items": { "type": "struct", "fields": [
                { "name": "sku", "type": "string", "required": true, "pattern": "^[A-Z]{3}-\\d{4}$" },
                { "name": "price", "type": "double", "required": true, "min": 0.01, "max": 999.99 }
            ]}},
            { "name": "tags", "type": "array", "required": false, "items": { "type": "string", "enum": ["new", "sale"] } },
            { "name": "traceparent", "type": "string", "required": false }
          ]
        }]}
        """;

    private static readonly DatasetDefinition Dataset =
        DatasetCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(Orders))).Get("orders");

    [Fact]
    public void Every_record_meets_the_schema()
    {
        var records = GeneratedRecords.Take(new RecordSource(Dataset, new RecordSourceOptions { Seed = 1 }), 1_000);

        Assert.All(records, r => Assert.Empty(RecordChecker.Problems(r, Dataset)));
        var parsed = GeneratedRecords.Parse(records);
        Assert.Contains(parsed, r => r.TryGetProperty("discount", out _));
        Assert.Contains(parsed, r => !r.TryGetProperty("discount", out _));
        Assert.Contains(parsed, r => r.GetProperty("sku").GetString()!.Length == 11);
        Assert.Equal(3, parsed.Select(r => r.GetProperty("colour").GetString()).Distinct().Count());
        Assert.All(parsed, r => Assert.Equal("abc", r.GetProperty("code").GetString()));
        Assert.All(parsed, r => Assert.False(r.TryGetProperty("traceparent", out _)));
        Assert.Equal(1_000, parsed.Select(r => r.GetProperty("order_id").GetString()).Distinct().Count());
    }

    [Fact]
    public void The_time_field_follows_the_simulated_clock()
    {
        var start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var records = GeneratedRecords.Parse(GeneratedRecords.Take(new RecordSource(Dataset, new RecordSourceOptions { Seed = 1, StartTime = start, Rate = 4 }), 9));

        Assert.Equal(start.AddSeconds(2), records[8].GetProperty("placed_at").GetDateTimeOffset());
    }

    [Fact]
    public void A_pattern_nothing_can_satisfy_is_reported_with_the_field()
    {
        var dataset = Dataset with
        {
            Fields = [.. Dataset.Fields, new FieldDefinition { Name = "impossible", Type = FieldType.String, Required = true, Pattern = "^(?=x)y$" }],
        };

        var error = Assert.Throws<NotSupportedException>(() => new SchemaRecordGenerator(dataset, seed: 1));

        Assert.Contains("'impossible'", error.Message);
        Assert.Contains("^(?=x)y$", error.Message);
    }

    [Fact]
    public async Task The_command_generates_a_dataset_from_a_datasets_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"orders-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, Orders);
        try
        {
            var output = new MemoryStream();
            var error = new StringWriter();
            var host = new Pipeline.Generator.Cli.GeneratorHost
            {
                Error = error,
                OpenStandardOutput = () => output,
                LoadCatalog = () => DatasetCatalog.FromFile(path),
            };
            var exitCode = await Pipeline.Generator.Cli.GeneratorCommand.Create(host)
                .Parse(["--dataset", "orders", "--count", "10", "--dry-run"])
                .InvokeAsync(new System.CommandLine.InvocationConfiguration { Error = error, Output = error });

            Assert.True(exitCode == 0, error.ToString());
            var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(10, lines.Length);
            Assert.All(lines, l => Assert.Empty(RecordChecker.Problems(Encoding.UTF8.GetBytes(l), Dataset)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
