using System.Text.Json;
using Pipeline.IntegrationTests.LocalCloud.S3.Support;

namespace Pipeline.IntegrationTests.LocalCloud.S3;

/// <summary>boto3, the Python SDK the Glue scripts use, puts, lists, pages and gets objects in LocalCloud unchanged.</summary>
public sealed class Boto3Tests(LocalCloudServer server) : IClassFixture<LocalCloudServer>, IDisposable
{
    private const string Script = """
        import json, sys
        import boto3
        from botocore.config import Config
        from botocore.exceptions import ClientError

        endpoint, bucket = sys.argv[1], sys.argv[2]
        s3 = boto3.client(
            "s3", endpoint_url=endpoint, region_name="us-east-1",
            aws_access_key_id="test", aws_secret_access_key="test",
            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}))
        s3.create_bucket(Bucket=bucket)
        s3.put_object(Bucket=bucket, Key="raw/é x+y.json", Body=b'{"a":1}\n', ContentType="application/json", Metadata={"trace": "abc"})
        for i in range(5):
            s3.put_object(Bucket=bucket, Key=f"raw/part-{i}.json", Body=str(i).encode())
        s3.put_object(Bucket=bucket, Key="raw/sub/deep.json", Body=b"deep")
        keys, prefixes = [], []
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix="raw/", Delimiter="/", PaginationConfig={"PageSize": 2}):
            keys += [o["Key"] for o in page.get("Contents", [])]
            prefixes += [p["Prefix"] for p in page.get("CommonPrefixes", [])]
        v1 = [o["Key"] for page in s3.get_paginator("list_objects").paginate(Bucket=bucket, PaginationConfig={"PageSize": 3}) for o in page.get("Contents", [])]
        got = s3.get_object(Bucket=bucket, Key="raw/é x+y.json")
        body = got["Body"].read().decode()
        s3.upload_fileobj(__import__("io").BytesIO(b"m" * (6 * 1024 * 1024)), bucket, "big.bin",
            Config=boto3.s3.transfer.TransferConfig(multipart_threshold=5 * 1024 * 1024, multipart_chunksize=5 * 1024 * 1024))
        big = s3.head_object(Bucket=bucket, Key="big.bin")
        try:
            s3.get_object(Bucket=bucket, Key="missing")
            missing = None
        except ClientError as e:
            missing = e.response["Error"]["Code"]
        print(json.dumps({"keys": keys, "prefixes": prefixes, "v1": v1, "body": body, "trace": got["Metadata"].get("trace"),
                          "contentType": got["ContentType"], "bigSize": big["ContentLength"], "bigETag": big["ETag"], "missing": missing}))
        """;

    private readonly string _scratch = Directory.CreateTempSubdirectory("s3-boto3-").FullName;

    [Boto3Fact]
    public async Task Puts_lists_pages_and_gets_through_boto3()
    {
        var python = ExternalTools.Python ?? throw new InvalidOperationException(ExternalTools.Boto3MissingReason);
        var script = Path.Combine(_scratch, "s3_roundtrip.py");
        await File.WriteAllTextAsync(script, Script);
        var bucket = LocalCloudServer.NewBucketName("boto3");

        var run = await ExternalTools.RunAsync(python, [script, server.Endpoint.ToString(), bucket], ExternalTools.IsolatedAwsEnvironment(_scratch), TimeSpan.FromSeconds(60));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var result = JsonDocument.Parse(run.StandardOutput);
        var root = result.RootElement;
        Assert.Equal(["raw/part-0.json", "raw/part-1.json", "raw/part-2.json", "raw/part-3.json", "raw/part-4.json", "raw/é x+y.json"], root.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["raw/sub/"], root.GetProperty("prefixes").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(7, root.GetProperty("v1").GetArrayLength());
        Assert.Equal("{\"a\":1}\n", root.GetProperty("body").GetString());
        Assert.Equal("abc", root.GetProperty("trace").GetString());
        Assert.Equal("application/json", root.GetProperty("contentType").GetString());
        Assert.Equal(6 * 1024 * 1024, root.GetProperty("bigSize").GetInt32());
        Assert.EndsWith("-2\"", root.GetProperty("bigETag").GetString(), StringComparison.Ordinal);
        Assert.Equal("NoSuchKey", root.GetProperty("missing").GetString());
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
