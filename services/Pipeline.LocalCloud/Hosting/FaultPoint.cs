namespace Pipeline.LocalCloud.Hosting;

/// <summary>
/// The places where a test may have LocalCloud kill itself (<see cref="FaultInjection"/>): each is a moment where
/// state is half written, the hardest place for a restart to pick up from.
/// </summary>
public enum FaultPoint
{
    /// <summary>A Firehose delivery has written its objects to S3 but not yet its checkpoint.</summary>
    FirehoseObjectsWritten,

    /// <summary>A crawl has started (the crawler is RUNNING in the file) and has not yet scanned anything.</summary>
    CrawlRunning,

    /// <summary>A job run has published its stage files and partitions but not yet moved its bookmark.</summary>
    JobRunPublished,

    /// <summary>A consumer deletes a message it received: the function has processed its batch, SQS still holds it.</summary>
    SqsMessageDeleted,
}
