using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.IntegrationTests.LocalCloud.Cli;
using Pipeline.LocalCloud.Firehose;
using Pipeline.LocalCloud.Storage;
using Xunit.Abstractions;

namespace Pipeline.IntegrationTests.LocalCloud.JavaScript;

/// <summary>
/// The official AWS SDK for JavaScript v3 (installed by .ci/run into tests/js-clients) works unchanged against
/// LocalCloud for the S3 and Firehose calls the pipeline makes.
/// </summary>
public sealed class JavaScriptSdkTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly LocalCloudFixture _cloud = new();

    public Task InitializeAsync() => _cloud.InitializeAsync();

    public Task DisposeAsync() => _cloud.DisposeAsync();

    [Fact]
    public async Task S3_and_Firehose_calls_from_the_JavaScript_SDK_succeed_and_records_are_delivered()
    {
        var clients = Path.Combine(Functions.PublishedFunction.RepositoryRoot(), "tests", "js-clients");
        if (!Directory.Exists(Path.Combine(clients, "node_modules", "@aws-sdk")))
        {
            var reason = $"the AWS SDK for JavaScript is not installed: run `npm ci --prefix {clients}` (.ci/run does)";
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", reason);
            output.WriteLine($"Skipped: {reason}.");
            return;
        }

        var start = new ProcessStartInfo("node", [Path.Combine(clients, "roundtrip.mjs")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = clients,
        };
        start.Environment["LOCALCLOUD_ENDPOINT"] = _cloud.EndpointUrl;
        start.Environment.Remove("AWS_PROFILE");
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(node.ExitCode == 0, $"node failed ({node.ExitCode}): {await stderr}");

        using var result = JsonDocument.Parse(await stdout);
        var root = result.RootElement;
        Assert.Equal(["dir/hello world=1.txt"], root.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("hello from js", root.GetProperty("body").GetString());
        Assert.Equal("ACTIVE", root.GetProperty("streamStatus").GetString());
        Assert.Equal(0, root.GetProperty("failedPutCount").GetInt32());
        Assert.Equal(3, root.GetProperty("recordIds").GetArrayLength());
        Assert.Equal("ValidationException", root.GetProperty("tooManyRecords").GetString());
        Assert.Equal("ResourceNotFoundException", root.GetProperty("missingStream").GetString());

        await _cloud.App.Services.GetRequiredService<IFirehoseDeliveryControl>().FlushAsync("js-sdk-stream");
        var store = _cloud.App.Services.GetRequiredService<IObjectStore>();
        var delivered = Assert.Single(await store.ListObjectsAsync("js-sdk-bucket", "raw/js/year=", null, 10));
        Assert.EndsWith(".gz", delivered.Key);
        await using var content = (await store.OpenReadAsync("js-sdk-bucket", delivered.Key))!;
        using var reader = new StreamReader(new GZipStream(content, CompressionMode.Decompress));
        Assert.Equal("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n", await reader.ReadToEndAsync());
    }
}
