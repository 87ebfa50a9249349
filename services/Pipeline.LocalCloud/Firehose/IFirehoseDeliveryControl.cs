namespace Pipeline.LocalCloud.Firehose;

/// <summary>
/// Delivery on demand, in process, for tests and the app host: no waiting for buffering hints. Resolve it from
/// LocalCloud's services.
/// </summary>
public interface IFirehoseDeliveryControl
{
    /// <summary>
    /// Delivers every record accepted before the call (of one stream, or of all when
    /// <paramref name="deliveryStreamName"/> is null), transformation and error output included, and returns when the
    /// objects are written. Throws what the object store throws when S3 refuses; the records stay buffered.
    /// </summary>
    Task<FlushResult> FlushAsync(string? deliveryStreamName = null, CancellationToken cancellationToken = default);
}

/// <summary>What a flush delivered.</summary>
/// <param name="Records">Records taken from the buffer.</param>
/// <param name="Delivered">Records written under the Prefix.</param>
/// <param name="Dropped">Records the transformation dropped.</param>
/// <param name="Failed">Records written to the error output.</param>
/// <param name="Objects">S3 objects written.</param>
public sealed record FlushResult(int Records, int Delivered, int Dropped, int Failed, int Objects);
