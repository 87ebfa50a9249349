using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Pipeline.UnitTests.LambdaRuntime.Fakes;

namespace Pipeline.IntegrationTests.Functions;

/// <summary>
/// End to end: the transformer, published as Lambda ships it, serves Firehose invocations from a Runtime API.
/// </summary>
public sealed class TransformerBootstrapTests
{
    private const string Valid = """{"event_id":"2f1c8a8e-6b3d-4c1e-9a57-0c2b7d9e4f10","event_time":"2026-03-14T09:26:53Z","vehicle_id":"1M8GDM9AXKP042788","vendor":"Volvo","model":"FH16","vehicle_status":{"speed_kmh":82.5,"engine_temp_c":91.2,"fuel_level_pct":64,"battery_voltage":27.6,"odometer_km":412345.7,"status":"OK","error_codes":[]},"gps_info":{"latitude":57.7,"longitude":11.97,"heading_deg":271.5,"altitude_m":12,"accuracy_m":3.5}}""";

    [Fact]
    public async Task The_published_bootstrap_transforms_an_invocation_and_stops_on_SIGTERM()
    {
        var folder = await PublishedFunction.PublishAsync("services/Pipeline.FirehoseTransformer");
        var bootstrap = Path.Combine(folder, "bootstrap");

        // One self-contained ELF executable named bootstrap, as provided.al2023 runs it.
        var header = new byte[4];
        await using (var file = File.OpenRead(bootstrap))
        {
            await file.ReadExactlyAsync(header);
        }

        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], header);
        Assert.False(File.Exists(Path.Combine(folder, "bootstrap.dll")));
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(bootstrap).HasFlag(UnixFileMode.UserExecute));

        await using var api = await FakeRuntimeApi.StartAsync();
        var invocation = $$"""
            {"invocationId":"inv-1","deliveryStreamArn":"arn:aws:firehose:us-east-1:000000000000:deliverystream/pipeline-test-vehicle_telemetry","region":"us-east-1",
             "records":[{"recordId":"r-ok","approximateArrivalTimestamp":1773480413000,"data":"{{Convert.ToBase64String(Encoding.UTF8.GetBytes(Valid))}}"},
                        {"recordId":"r-bad","approximateArrivalTimestamp":1773480413000,"data":"{{Convert.ToBase64String("not json"u8.ToArray())}}"}]}
            """;
        api.Enqueue(new QueuedInvocation("req-1", invocation, Deadline: DateTimeOffset.UtcNow.AddMinutes(1)));

        var start = new ProcessStartInfo(bootstrap) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "pipeline-test-firehose-transformer";
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            var post = await api.NextPostAsync();

            Assert.True(post.Kind == PostKind.Response, $"expected a response, got {post.Kind}: {post.Text}");
            using var response = JsonDocument.Parse(post.Body);
            var records = response.RootElement.GetProperty("records").EnumerateArray().ToArray();
            Assert.Equal(["r-ok", "r-bad"], records.Select(r => r.GetProperty("recordId").GetString()));
            Assert.Equal(["Ok", "ProcessingFailed"], records.Select(r => r.GetProperty("result").GetString()));
            var normalised = Encoding.UTF8.GetString(Convert.FromBase64String(records[0].GetProperty("data").GetString()!));
            Assert.Contains("\"status\":\"ok\"", normalised);
            Assert.Equal("2026-03-14", records[0].GetProperty("metadata").GetProperty("partitionKeys").GetProperty("event_date").GetString());
        }
        finally
        {
            // Lambda sends SIGTERM at shutdown; the runtime stops cleanly.
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }

        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}\n{await stdout}\n{await stderr}");
        Assert.Contains("Record r-bad failed: record is not valid JSON", await stdout + await stderr);
    }
}
