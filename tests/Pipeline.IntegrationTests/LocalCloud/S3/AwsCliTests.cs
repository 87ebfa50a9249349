using System.Security.Cryptography;
using System.Text;
using Pipeline.IntegrationTests.LocalCloud.S3.Support;

namespace Pipeline.IntegrationTests.LocalCloud.S3;

/// <summary>
/// The AWS CLI pointed at LocalCloud with <c>--endpoint-url</c> works unchanged: make a bucket, copy up (single and
/// multipart) and down, list recursively, inspect with s3api, remove.
/// </summary>
public sealed class AwsCliTests(LocalCloudServer server) : IClassFixture<LocalCloudServer>, IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("s3-cli-").FullName;

    [AwsCliFact]
    public async Task Mb_cp_ls_head_object_and_rm_work_against_LocalCloud()
    {
        var bucket = LocalCloudServer.NewBucketName("cli");
        var small = Path.Combine(_scratch, "small.json");
        await File.WriteAllTextAsync(small, "{\"event_id\":\"cli\"}\n");
        // Over the CLI's 8 MB multipart threshold, so cp uploads it in parts.
        var large = Path.Combine(_scratch, "large.bin");
        await File.WriteAllBytesAsync(large, RandomNumberGenerator.GetBytes(9 * 1024 * 1024));

        await Aws("s3", "mb", $"s3://{bucket}");
        await Aws("s3", "cp", small, $"s3://{bucket}/raw/day=01/small file.json");
        await Aws("s3", "cp", large, $"s3://{bucket}/raw/day=01/large.bin");
        var listing = await Aws("s3", "ls", "--recursive", $"s3://{bucket}/");
        var head = await Aws("s3api", "head-object", "--bucket", bucket, "--key", "raw/day=01/small file.json");
        await Aws("s3", "cp", $"s3://{bucket}/raw/day=01/small file.json", Path.Combine(_scratch, "small.back"));
        await Aws("s3", "cp", $"s3://{bucket}/raw/day=01/large.bin", Path.Combine(_scratch, "large.back"));
        await Aws("s3", "rm", $"s3://{bucket}/raw/day=01/small file.json");
        var after = await Aws("s3", "ls", "--recursive", $"s3://{bucket}/");

        Assert.Contains("raw/day=01/small file.json", listing.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("raw/day=01/large.bin", listing.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"\"ContentLength\": {new FileInfo(small).Length},", head.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"ETag\": \"\\\"", head.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(small), await File.ReadAllBytesAsync(Path.Combine(_scratch, "small.back")));
        Assert.Equal(await File.ReadAllBytesAsync(large), await File.ReadAllBytesAsync(Path.Combine(_scratch, "large.back")));
        Assert.DoesNotContain("small file.json", after.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("large.bin", after.StandardOutput, StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task Errors_reach_the_CLI_as_S3s_codes()
    {
        var missing = await ExternalTools.RunAsync(
            CliPath(),
            ["s3api", "head-bucket", "--bucket", "no-such-bucket-here", "--endpoint-url", server.Endpoint.ToString()],
            ExternalTools.IsolatedAwsEnvironment(_scratch),
            TimeSpan.FromSeconds(60));
        var notImplemented = await ExternalTools.RunAsync(
            CliPath(),
            ["s3api", "get-bucket-acl", "--bucket", "no-such-bucket-here", "--endpoint-url", server.Endpoint.ToString()],
            ExternalTools.IsolatedAwsEnvironment(_scratch),
            TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("404", missing.StandardError, StringComparison.Ordinal);
        Assert.Contains("NotImplemented", notImplemented.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static string CliPath() =>
        ExternalTools.Aws ?? throw new InvalidOperationException(ExternalTools.AwsMissingReason);

    private async Task<ToolRun> Aws(params string[] arguments)
    {
        var run = await ExternalTools.RunAsync(
            CliPath(),
            [.. arguments, "--endpoint-url", server.Endpoint.ToString()],
            ExternalTools.IsolatedAwsEnvironment(_scratch),
            TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode == 0, $"aws {string.Join(' ', arguments)} failed: {run}");
        return run;
    }
}
