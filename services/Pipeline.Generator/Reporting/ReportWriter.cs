using System.Globalization;
using System.Text.Json;
using Pipeline.Generator.Data;
using Pipeline.Generator.Sending;

namespace Pipeline.Generator.Reporting;

/// <summary>Builds the report from a run's statistics and prints it or writes it as JSON.</summary>
public static class ReportWriter
{
    private const double BytesPerMib = 1024 * 1024;

    public static MalformedCounts Malformed(StatisticsSnapshot snapshot) => new(
        snapshot.FlawCount(RecordFlaw.InvalidJson),
        snapshot.FlawCount(RecordFlaw.WrongType),
        snapshot.FlawCount(RecordFlaw.MissingRequiredField),
        snapshot.FlawCount(RecordFlaw.OutOfRange),
        snapshot.FlawCount(RecordFlaw.NotInEnum),
        snapshot.FlawCount(RecordFlaw.PatternMismatch));

    public static LatencySummary Latency(LatencyRecorder latencies) => new(
        Math.Round(latencies.Percentile(50), 2),
        Math.Round(latencies.Percentile(95), 2),
        Math.Round(latencies.Percentile(99), 2),
        Math.Round(latencies.Percentile(100), 2));

    public static double Mib(long bytes) => Math.Round(bytes / BytesPerMib, 3);

    public static void Print(RunReport report, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var target = report.DryRun ? "dry run" : report.Stream;
        output.WriteLine(string.Create(c, $"pipeline-generator: {report.Dataset} -> {target} ({Describe(report.Outcome)}, exit {report.ExitCode})"));
        output.WriteLine(string.Create(c, $"  records   {(report.DryRun ? "written" : "sent")} {report.RecordsSent:N0} ({report.MibSent:0.00} MiB), failed {report.RecordsFailed:N0}, retried {report.RecordsRetried:N0}, generated {report.RecordsGenerated:N0}"));
        output.WriteLine(string.Create(c, $"  rate      {report.AchievedRate:0.0} records/s achieved, {report.TargetRate:0.##} asked"));
        if (!report.DryRun)
        {
            var l = report.LatencyMs;
            output.WriteLine(string.Create(c, $"  latency   PutRecordBatch p50 {l.P50:0.0} ms, p95 {l.P95:0.0} ms, p99 {l.P99:0.0} ms, max {l.Max:0.0} ms ({report.PutRecordBatchCalls:N0} calls, {report.PutRecordBatchErrors:N0} errors)"));
        }

        output.WriteLine(string.Create(c, $"  duration  {report.DurationSeconds:0.0} s"));
        if (report.Malformed.Total > 0)
        {
            var m = report.Malformed;
            output.WriteLine(string.Create(c, $"  malformed {m.Total:N0}: invalid_json {m.InvalidJson}, wrong_type {m.WrongType}, missing_required_field {m.MissingRequiredField}, out_of_range {m.OutOfRange}, not_in_enum {m.NotInEnum}, pattern_mismatch {m.PatternMismatch}"));
        }

        if (report.BackPressure is { } pressure)
        {
            output.WriteLine($"  limit     {pressure.Explanation}");
        }

        if (report.Freshness is { } freshness)
        {
            output.WriteLine($"  freshness {freshness.Describe()}");
        }

        if (report.RecordsSkipped > 0)
        {
            output.WriteLine(string.Create(c, $"  skipped   {report.RecordsSkipped:N0} records: sending fell behind schedule"));
        }

        foreach (var (reason, count) in report.Failures.OrderByDescending(f => f.Value))
        {
            output.WriteLine(string.Create(c, $"  failure   {reason}: {count:N0}"));
        }

        if (report.Error is not null)
        {
            output.WriteLine($"  error     {report.Error}");
        }

        output.WriteLine(string.Create(c, $"  seed      {report.Seed} (event_time from {report.EventTimeStart:O})"));
    }

    public static string Describe(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Completed => "completed",
        RunOutcome.CompletedWithFailures => "completed with failures",
        RunOutcome.Aborted => "aborted",
        _ => "cancelled",
    };

    public static async Task WriteJsonAsync(RunReport report, string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, report, ReportJsonContext.Default.RunReport, cancellationToken);
    }
}
