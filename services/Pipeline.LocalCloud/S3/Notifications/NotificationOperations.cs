using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Protocols;
using Pipeline.LocalCloud.S3.Http;
using Pipeline.LocalCloud.Sqs;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3.Notifications;

/// <summary>PutBucketNotificationConfiguration and GetBucketNotificationConfiguration (<c>?notification</c>).</summary>
/// <remarks>Without SQS in this LocalCloud (<paramref name="queues"/> null) every queue destination is refused.</remarks>
internal sealed class NotificationOperations(IObjectStore store, NotificationConfigurationStore configurations, TimeProvider time, ISqsQueues? queues = null)
{
    public async Task GetAsync(HttpContext context, string bucket)
    {
        await RequireBucketAsync(context, bucket).ConfigureAwait(false);
        await S3Xml.WriteAsync(context, NotificationConfigurationXml.ToXml(configurations.Get(bucket))).ConfigureAwait(false);
    }

    public async Task PutAsync(HttpContext context, string bucket)
    {
        await RequireBucketAsync(context, bucket).ConfigureAwait(false);
        var document = await S3Xml.ReadAsync(context.Request.Body, context.RequestAborted).ConfigureAwait(false);
        var configuration = NotificationConfigurationXml.Parse(document);
        NotificationRules.CheckNoOverlap(configuration);
        NotificationRules.CheckDestinations(configuration, queues);
        configurations.Set(bucket, configuration);

        // S3 proves each destination works with a test message once the configuration is accepted.
        var requestId = RequestIds.Of(context);
        foreach (var queue in configuration.QueueConfigurations.Select(q => q.QueueArn).Distinct(StringComparer.Ordinal))
        {
            await queues!.SendAsync(queue, S3EventMessages.TestEvent(bucket, requestId, time.GetUtcNow()), cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task RequireBucketAsync(HttpContext context, string bucket)
    {
        if (!await store.BucketExistsAsync(bucket, context.RequestAborted).ConfigureAwait(false))
        {
            throw S3Errors.NoSuchBucket(bucket);
        }
    }
}
