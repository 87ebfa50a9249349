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

        // Each CLI start costs about a second, so independent commands run side by side.
        await Aws("s3", "mb", $"s3://{bucket}");
        await Task.WhenAll(
            Aws("s3", "cp", small, $"s3://{bucket}/raw/day=01/small file.json"),
            Aws("s3", "cp", large, $"s3://{bucket}/raw/day=01/large.bin"));
        var downloaded = Path.Combine(_scratch, "down");
        var listingRun = Aws("s3", "ls", "--recursive", $"s3://{bucket}/");
        var headRun = Aws("s3api", "head-object", "--bucket", bucket, "--key", "raw/day=01/small file.json");
        var downloadRun = Aws("s3", "cp", "--recursive", $"s3://{bucket}/raw/", downloaded);
        await Task.WhenAll(listingRun, headRun, downloadRun);
        var (listing, head) = (await listingRun, await headRun);
        await Aws("s3", "rm", $"s3://{bucket}/raw/day=01/small file.json");
        using var s3 = server.CreateS3Client();
        var after = await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket });

        Assert.Contains("raw/day=01/small file.json", listing.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("raw/day=01/large.bin", listing.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"\"ContentLength\": {new FileInfo(small).Length},", head.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"ETag\": \"\\\"", head.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(small), await File.ReadAllBytesAsync(Path.Combine(downloaded, "day=01", "small file.json")));
        Assert.Equal(await File.ReadAllBytesAsync(large), await File.ReadAllBytesAsync(Path.Combine(downloaded, "day=01", "large.bin")));
        Assert.Equal(["raw/day=01/large.bin"], after.S3Objects.Select(o => o.Key));
        Assert.EndsWith("-2\"", after.S3Objects[0].ETag, StringComparison.Ordinal);
    }

    [AwsCliFact]
    public async Task Errors_reach_the_CLI_as_S3s_codes()
    {
        var bucket = LocalCloudServer.NewBucketName("cli-errors");
        using (var s3 = server.CreateS3Client())
        {
            await s3.PutBucketAsync(bucket);
        }

        var missingRun = ExternalTools.RunAsync(
            CliPath(),
            ["s3api", "head-bucket", "--bucket", "no-such-bucket-here", "--endpoint-url", server.Endpoint.ToString()],
            ExternalTools.IsolatedAwsEnvironment(_scratch),
            TimeSpan.FromSeconds(60));
        var notImplementedRun = ExternalTools.RunAsync(
            CliPath(),
            ["s3api", "get-bucket-policy", "--bucket", bucket, "--endpoint-url", server.Endpoint.ToString()],
            ExternalTools.IsolatedAwsEnvironment(_scratch),
            TimeSpan.FromSeconds(60));
        var (missing, notImplemented) = (await missingRun, await notImplementedRun);

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
