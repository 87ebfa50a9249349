using System.Buffers;
using System.Text.Json;
using Pipeline.Generator.Data;
using Pipeline.UnitTests.Generator.Fakes;

namespace Pipeline.UnitTests.Generator;

/// <summary>
/// --invalid-ratio makes that share of records malformed, each in one way the pipeline must catch, and counts each
/// kind; the other records stay valid and unchanged.
/// </summary>
public sealed class MalformedRecordsTests
{
    [Theory]
    [InlineData("vehicle_telemetry")]
    [InlineData("clickstream")]
    public void Flawed_records_break_the_schema_and_the_rest_meet_it(string name)
    {
        var dataset = GeneratedRecords.Dataset(name);
        var source = new RecordSource(dataset, new RecordSourceOptions { Seed = 5, InvalidRatio = 0.3 });
        var buffer = new ArrayBufferWriter<byte>();
        var counts = new Dictionary<RecordFlaw, int>();

        for (var i = 0; i < 2_000; i++)
        {
            buffer.ResetWrittenCount();
            var flaw = source.WriteNext(buffer);
            counts[flaw] = counts.GetValueOrDefault(flaw) + 1;
            var problems = RecordChecker.Problems(buffer.WrittenSpan, dataset);
            if (flaw == RecordFlaw.None)
            {
                Assert.Empty(problems);
                continue;
            }

            Assert.NotEmpty(problems);
            Assert.DoesNotContain((byte)'\n', buffer.WrittenSpan.ToArray());
            if (flaw != RecordFlaw.InvalidJson)
            {
                // The id survives every other flaw, so the bad record can be found again downstream.
                using var document = JsonDocument.Parse(buffer.WrittenMemory);
                Assert.Matches("^[0-9a-f-]{36}$", document.RootElement.GetProperty("event_id").GetString());
            }
        }

        Assert.InRange(2_000 - counts[RecordFlaw.None], 500, 700);
        Assert.All(source.PossibleFlaws, f => Assert.True(counts.GetValueOrDefault(f) > 50, $"{f}: {counts.GetValueOrDefault(f)}"));
        Assert.Equal(Enum.GetValues<RecordFlaw>().Length - 1, source.PossibleFlaws.Count);
    }

    [Fact]
    public void The_valid_records_are_the_same_whatever_the_ratio()
    {
        var dataset = GeneratedRecords.Dataset("vehicle_telemetry");
        var clean = GeneratedRecords.Take(new RecordSource(dataset, new RecordSourceOptions { Seed = 9 }), 500);
        var mixed = new RecordSource(dataset, new RecordSourceOptions { Seed = 9, InvalidRatio = 0.5 });
        var buffer = new ArrayBufferWriter<byte>();

        for (var i = 0; i < 500; i++)
        {
            buffer.ResetWrittenCount();
            if (mixed.WriteNext(buffer) == RecordFlaw.None)
            {
                Assert.Equal(clean[i], buffer.WrittenSpan.ToArray());
            }
        }
    }

    [Fact]
    public async Task The_report_counts_each_kind()
    {
        var report = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.json");
        try
        {
            var run = await CommandRun.RunAsync(["--dataset", "clickstream", "--count", "1000", "--seed", "2", "--invalid-ratio", "0.25", "--dry-run", "--report", report]);

            Assert.Equal(0, run.ExitCode);
            using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(report));
            var malformed = json.RootElement.GetProperty("malformed");
            var kinds = new[] { "invalid_json", "wrong_type", "missing_required_field", "out_of_range", "not_in_enum", "pattern_mismatch" };
            Assert.All(kinds, k => Assert.True(malformed.GetProperty(k).GetInt64() > 0, k));
            Assert.Equal(kinds.Sum(k => malformed.GetProperty(k).GetInt64()), malformed.GetProperty("total").GetInt64());
            Assert.InRange(malformed.GetProperty("total").GetInt64(), 200, 300);
            Assert.Contains("malformed", run.Error);
        }
        finally
        {
            File.Delete(report);
        }
    }
}
