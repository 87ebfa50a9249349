using Amazon.S3;
using Amazon.S3.Model;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Pipeline.AppHost.LocalCloud;

namespace Pipeline.AppHost.Storage;

public static class DataLakeExtensions
{
    /// <summary>
    /// The data-lake bucket, with a command that uploads a sample file under a dataset's raw prefix with an awkward
    /// key: the same notification, crawl and job follow as for Firehose's objects.
    /// </summary>
    /// <param name="cloud">LocalCloud.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="rawPrefixes">Per dataset, the constant start of its raw prefix (e.g. <c>raw/clickstream/</c>).</param>
    public static IResourceBuilder<DataLakeResource> AddDataLake(this IResourceBuilder<ProjectResource> cloud, string name, string bucket, IReadOnlyDictionary<string, string> rawPrefixes)
    {
        var aws = cloud.Connection().Clients();
        var datasets = rawPrefixes.Keys.Order(StringComparer.Ordinal).ToArray();
        return cloud.AddChild(new DataLakeResource(name, bucket, cloud.Resource))
            .WithCommand(
                "upload-sample",
                "Upload sample file",
                async context =>
                {
                    var dataset = context.Arguments?.GetString("dataset") is { Length: > 0 } chosen ? chosen : datasets[0];
                    if (!rawPrefixes.TryGetValue(dataset, out var prefix))
                    {
                        return CommandResults.Failure($"Unknown dataset '{dataset}'. Known: {string.Join(", ", datasets)}.");
                    }

                    var now = DateTimeOffset.UtcNow;
                    var key = SampleUpload.KeyFor(prefix, now);
                    using var s3 = aws.CreateS3();
                    try
                    {
                        await s3.PutObjectAsync(
                            new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(SampleUpload.Records(dataset, now)), ContentType = "application/x-ndjson" },
                            context.CancellationToken);
                    }
                    catch (AmazonS3Exception e)
                    {
                        return CommandResults.Failure($"{e.ErrorCode}: {e.Message}");
                    }

                    return CommandResults.Success($"Uploaded s3://{bucket}/{key}");
                },
                new CommandOptions
                {
                    IconName = "ArrowUpload",
                    Description = "PutObject: a sample NDJSON file under a dataset's raw prefix, with spaces, '+', '=' and non-ASCII letters in its key.",
                    Arguments =
                    [
                        new InteractionInput
                        {
                            Name = "dataset",
                            Label = "Dataset",
                            InputType = InputType.Choice,
                            Options = [.. datasets.Select(d => KeyValuePair.Create(d, d))],
                            Value = datasets[0],
                            Required = false,
                        },
                    ],
                });
    }
}
