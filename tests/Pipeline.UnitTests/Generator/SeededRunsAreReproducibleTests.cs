using System.Buffers;
using Pipeline.Generator.Data;
using Pipeline.UnitTests.Generator.Fakes;

namespace Pipeline.UnitTests.Generator;

/// <summary>A seeded dry run writes the same bytes every time; another seed writes other bytes.</summary>
public sealed class SeededRunsAreReproducibleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("generator-seed-").FullName;

    [Theory]
    [InlineData("vehicle_telemetry", "0")]
    [InlineData("clickstream", "0")]
    [InlineData("vehicle_telemetry", "0.2")]
    public async Task The_same_seed_writes_byte_identical_files(string dataset, string invalidRatio)
    {
        var first = await DryRunAsync(dataset, seed: 7, invalidRatio, "first.ndjson");
        var second = await DryRunAsync(dataset, seed: 7, invalidRatio, "second.ndjson");
        var other = await DryRunAsync(dataset, seed: 8, invalidRatio, "other.ndjson");

        Assert.Equal(2_000, first.Count(b => b == (byte)'\n'));
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task A_dry_run_without_out_writes_to_stdout()
    {
        var run = await CommandRun.RunAsync(["--dataset", "clickstream", "--count", "25", "--seed", "1", "--dry-run"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(25, run.Output.Count(b => b == (byte)'\n'));
        Assert.StartsWith("{\"event_id\":", System.Text.Encoding.UTF8.GetString(run.Output));
        Assert.Contains("\"event_time\":\"2026-01-01T00:00:00+00:00\"", System.Text.Encoding.UTF8.GetString(run.Output));
    }

    [Fact]
    public void The_benchmark_api_generates_the_same_buffer_for_the_same_seed()
    {
        static byte[] Generate(int seed)
        {
            var source = new RecordSource(GeneratedRecords.Dataset("vehicle_telemetry"), new RecordSourceOptions { Seed = seed, Rate = 2_000 });
            var buffer = new ArrayBufferWriter<byte>();
            var bytes = source.Generate(1_000, buffer);
            Assert.Equal(buffer.WrittenCount, bytes);
            return buffer.WrittenSpan.ToArray();
        }

        Assert.Equal(Generate(5), Generate(5));
        Assert.NotEqual(Generate(5), Generate(6));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<byte[]> DryRunAsync(string dataset, int seed, string invalidRatio, string file)
    {
        var path = Path.Combine(_directory, file);
        var run = await CommandRun.RunAsync(
            ["--dataset", dataset, "--count", "2000", "--rate", "500", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--invalid-ratio", invalidRatio, "--dry-run", "--out", path]);
        Assert.True(run.ExitCode == 0, run.Error);
        return await File.ReadAllBytesAsync(path);
    }
}
