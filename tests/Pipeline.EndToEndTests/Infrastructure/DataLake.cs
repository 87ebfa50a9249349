using System.IO.Compression;
using Amazon.S3;
using Amazon.S3.Model;

namespace Pipeline.EndToEndTests.Infrastructure;

/// <summary>Reads what the pipeline delivered, through the S3 API, into a local folder that DuckDB can read.</summary>
internal sealed class DataLake(IAmazonS3 s3, string bucket, string downloads)
{
    public string Folder => downloads;

    /// <summary>Downloads every object under <paramref name="prefix"/> (keys kept as paths) and returns the keys.</summary>
    public async Task<IReadOnlyList<string>> DownloadAsync(string prefix)
    {
        var keys = new List<string>();
        string? token = null;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, ContinuationToken = token });
            foreach (var item in page.S3Objects ?? [])
            {
                keys.Add(item.Key);
                var path = Path.Combine(downloads, item.Key);
                if (File.Exists(path) && new FileInfo(path).Length == item.Size)
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var response = await s3.GetObjectAsync(bucket, item.Key);
                await using var file = File.Create(path);
                await response.ResponseStream.CopyToAsync(file);
            }

            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);

        return keys;
    }

    /// <summary>The NDJSON lines of the gzip objects under <paramref name="prefix"/> downloaded so far.</summary>
    public IEnumerable<string> Lines(string prefix)
    {
        var folder = Path.Combine(downloads, prefix);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0)
                {
                    yield return line;
                }
            }
        }
    }

    /// <summary>Polls until <paramref name="expected"/> lines arrived under the prefixes, or the time is up.</summary>
    public async Task<int> WaitForLinesAsync(int expected, TimeSpan timeout, params string[] prefixes)
    {
        var deadline = DateTime.UtcNow + timeout;
        var count = 0;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var prefix in prefixes)
            {
                await DownloadAsync(prefix);
            }

            count = prefixes.Sum(p => Lines(p).Count());
            if (count >= expected)
            {
                // One more look after a pause: a duplicate delivered late would show up now.
                await Task.Delay(TimeSpan.FromSeconds(2));
                foreach (var prefix in prefixes)
                {
                    await DownloadAsync(prefix);
                }

                return prefixes.Sum(p => Lines(p).Count());
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return count;
    }
}
