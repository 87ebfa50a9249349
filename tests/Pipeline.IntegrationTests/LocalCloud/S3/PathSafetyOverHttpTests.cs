using System.Text;
using Pipeline.IntegrationTests.LocalCloud.S3.Support;

namespace Pipeline.IntegrationTests.LocalCloud.S3;

/// <summary>
/// Keys crafted to climb out of the data directory, sent as raw request targets, stay inside it: the data directory
/// sits at <c>&lt;sandbox&gt;/x/data</c> and afterwards the sandbox holds nothing else. The server keeps answering.
/// </summary>
public sealed class PathSafetyOverHttpTests(LocalCloudServer server) : IClassFixture<LocalCloudServer>
{
    /// <summary>From <c>data/s3/objects/&lt;bucket&gt;</c>, four levels up is <c>x</c> and five is the sandbox.</summary>
    private static readonly string[] HostileTargets =
    [
        "../../../../escape-dots",
        "../../../../../escape-dots-sandbox",
        "%2e%2e/%2e%2e/%2e%2e/%2e%2e/escape-encoded",
        "%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2Fescape-encoded-slashes",
        "..%2f..%2f..%2f..%2f..%2fescape-mixed",
        "/../../../../escape-leading-slash",
        "//..//..//..//..//escape-double",
        "..%5C..%5C..%5C..%5Cescape-backslash",
        "%25%32%65%25%32%65/escape-double-encoded",
        "nul%00/../../../../escape-nul",
        "%01%1F%7F/control",
        "%E2%80%AE%E2%80%8B/odd-unicode",
        new string('s', 1000),
        string.Concat(Enumerable.Repeat("%2e%2e/", 100)) + "deep",
        string.Concat(Enumerable.Repeat("seg/", 250)),
    ];

    [Fact]
    public async Task Hostile_keys_never_write_outside_the_data_directory()
    {
        var bucket = LocalCloudServer.NewBucketName("safety");
        Assert.Equal(200, (await RawHttp.SendAsync(server.Endpoint, "PUT", "/" + bucket)).Status);
        var stored = new List<string>();

        foreach (var target in HostileTargets)
        {
            var body = Encoding.UTF8.GetBytes("payload of " + target);
            var put = await RawHttp.SendAsync(server.Endpoint, "PUT", $"/{bucket}/{target}", body);
            Assert.True(put.Status is 200 or 400, $"PUT {target} answered {put.Status}: {put.Body}");
            if (put.Status == 200)
            {
                stored.Add(target);
                var get = await RawHttp.SendAsync(server.Endpoint, "GET", $"/{bucket}/{target}");
                Assert.Equal((200, "payload of " + target), (get.Status, get.Body));
            }
        }

        var tooLong = await RawHttp.SendAsync(server.Endpoint, "PUT", $"/{bucket}/{new string('k', 1025)}", [1]);
        var parentBucket = await RawHttp.SendAsync(server.Endpoint, "PUT", "/../../escape-bucket/x", [1]);
        var dotBucket = await RawHttp.SendAsync(server.Endpoint, "PUT", "/..", []);
        var alive = await RawHttp.SendAsync(server.Endpoint, "GET", "/");

        Assert.Contains("KeyTooLongError", tooLong.Body, StringComparison.Ordinal);
        Assert.Equal(404, parentBucket.Status);
        Assert.Contains("InvalidBucketName", dotBucket.Body, StringComparison.Ordinal);
        Assert.Equal(200, alive.Status);
        Assert.True(stored.Count >= HostileTargets.Length - 1, $"only {stored.Count} of the hostile keys were stored");
        Assert.Equal(["x"], Directory.EnumerateFileSystemEntries(server.Sandbox).Select(Path.GetFileName));
        Assert.Equal(["data"], Directory.EnumerateFileSystemEntries(Path.Combine(server.Sandbox, "x")).Select(Path.GetFileName));
        var objects = Path.Combine(server.DataDirectory, "s3", "objects") + Path.DirectorySeparatorChar;
        Assert.All(
            Directory.EnumerateFiles(Path.Combine(server.DataDirectory, "s3"), "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f).StartsWith('@')),
            f => Assert.StartsWith(objects + bucket + Path.DirectorySeparatorChar, f, StringComparison.Ordinal));
        Assert.Equal(stored.Count, Directory.EnumerateFiles(objects + bucket, "@*", SearchOption.AllDirectories).Count());
    }
}
