using Pipeline.Aws.Core;

namespace Pipeline.Aws.Firehose;

/// <summary>
/// Amazon Data Firehose over its JSON 1.1 API: the producer operations of <see cref="IFirehoseClient"/> and the
/// stream management a deployment needs. Inputs are not checked against <see cref="FirehoseLimits"/> here: the
/// service answers out-of-limit calls with its own errors, and a local cloud must be testable with them.
/// </summary>
public sealed class FirehoseClient : IFirehoseClient
{
    /// <summary>Creates a client from <paramref name="options"/> and the environment.</summary>
    public FirehoseClient(AwsClientOptions options)
        : this(new AwsJsonClient(AwsServices.Firehose, options))
    {
    }

    /// <summary>Creates a client over a JSON client configured for Firehose.</summary>
    public FirehoseClient(AwsJsonClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.Transport.Service.TargetPrefix != AwsServices.Firehose.TargetPrefix)
        {
            throw new ArgumentException($"The client is for {client.Transport.Service.ServiceId}, not Firehose.", nameof(client));
        }

        Client = client;
    }

    /// <summary>The underlying JSON client, for operations this type does not wrap.</summary>
    public AwsJsonClient Client { get; }

    /// <inheritdoc />
    public Task<PutRecordBatchResult> PutRecordBatchAsync(
        string deliveryStreamName,
        IReadOnlyList<ReadOnlyMemory<byte>> records,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveryStreamName);
        ArgumentNullException.ThrowIfNull(records);
        var entries = new FirehoseRecord[records.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new FirehoseRecord(records[i]);
        }

        return Client.SendAsync(
            "PutRecordBatch",
            new PutRecordBatchInput(deliveryStreamName, entries),
            FirehoseJsonContext.Default.PutRecordBatchInput,
            FirehoseJsonContext.Default.PutRecordBatchResult,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<PutRecordResult> PutRecordAsync(
        string deliveryStreamName,
        ReadOnlyMemory<byte> record,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveryStreamName);
        return Client.SendAsync(
            "PutRecord",
            new PutRecordInput(deliveryStreamName, new FirehoseRecord(record)),
            FirehoseJsonContext.Default.PutRecordInput,
            FirehoseJsonContext.Default.PutRecordResult,
            cancellationToken);
    }

    /// <summary>CreateDeliveryStream. The stream starts <c>CREATING</c> in AWS; poll <see cref="DescribeDeliveryStreamAsync"/> for <c>ACTIVE</c>.</summary>
    public Task<CreateDeliveryStreamResult> CreateDeliveryStreamAsync(
        CreateDeliveryStreamRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Client.SendAsync(
            "CreateDeliveryStream",
            request,
            FirehoseJsonContext.Default.CreateDeliveryStreamRequest,
            FirehoseJsonContext.Default.CreateDeliveryStreamResult,
            cancellationToken);
    }

    /// <summary>DescribeDeliveryStream.</summary>
    /// <exception cref="AwsServiceException"><see cref="AwsErrorCodes.ResourceNotFound"/> when the stream does not exist.</exception>
    public async Task<DeliveryStreamDescription> DescribeDeliveryStreamAsync(
        string deliveryStreamName,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveryStreamName);
        var output = await Client.SendAsync(
            "DescribeDeliveryStream",
            new DescribeDeliveryStreamInput(deliveryStreamName),
            FirehoseJsonContext.Default.DescribeDeliveryStreamInput,
            FirehoseJsonContext.Default.DescribeDeliveryStreamOutput,
            cancellationToken).ConfigureAwait(false);
        return output.DeliveryStreamDescription
            ?? throw new System.Text.Json.JsonException("DescribeDeliveryStream answered without a DeliveryStreamDescription.");
    }

    /// <summary>ListDeliveryStreams: one page of names.</summary>
    /// <param name="limit">Names per page (1–10,000); null lets the service choose.</param>
    /// <param name="exclusiveStartDeliveryStreamName">The last name of the previous page.</param>
    /// <param name="deliveryStreamType">Only streams of this source type, e.g. <c>DirectPut</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ListDeliveryStreamsResult> ListDeliveryStreamsAsync(
        int? limit = null,
        string? exclusiveStartDeliveryStreamName = null,
        string? deliveryStreamType = null,
        CancellationToken cancellationToken = default) =>
        Client.SendAsync(
            "ListDeliveryStreams",
            new ListDeliveryStreamsInput(limit, deliveryStreamType, exclusiveStartDeliveryStreamName),
            FirehoseJsonContext.Default.ListDeliveryStreamsInput,
            FirehoseJsonContext.Default.ListDeliveryStreamsResult,
            cancellationToken);

    /// <summary>DeleteDeliveryStream. In AWS the stream is <c>DELETING</c> for a while afterwards.</summary>
    public async Task DeleteDeliveryStreamAsync(
        string deliveryStreamName,
        bool allowForceDelete = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveryStreamName);
        await Client.SendAsync(
            "DeleteDeliveryStream",
            new DeleteDeliveryStreamInput(deliveryStreamName, allowForceDelete ? true : null),
            FirehoseJsonContext.Default.DeleteDeliveryStreamInput,
            FirehoseJsonContext.Default.AwsEmptyResponse,
            cancellationToken).ConfigureAwait(false);
    }
}
