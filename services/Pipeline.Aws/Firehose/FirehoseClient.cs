using System.Runtime.InteropServices;
using Pipeline.Aws.Core;
using Pipeline.AwsShapes.Firehose;

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
    public Task<PutRecordBatchOutput> PutRecordBatchAsync(
        string deliveryStreamName,
        IReadOnlyList<ReadOnlyMemory<byte>> records,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveryStreamName);
        ArgumentNullException.ThrowIfNull(records);
        var entries = new RecordEntry[records.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new RecordEntry { Data = Bytes(records[i]) };
        }

        return Client.SendAsync(
            "PutRecordBatch",
            new PutRecordBatchInput { DeliveryStreamName = deliveryStreamName, Records = entries },
            FirehoseJsonContext.Default.PutRecordBatchInput,
            FirehoseJsonContext.Default.PutRecordBatchOutput,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<PutRecordOutput> PutRecordAsync(
        string deliveryStreamName,
        ReadOnlyMemory<byte> record,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveryStreamName);
        return Client.SendAsync(
            "PutRecord",
            new PutRecordInput { DeliveryStreamName = deliveryStreamName, Record = new RecordEntry { Data = Bytes(record) } },
            FirehoseJsonContext.Default.PutRecordInput,
            FirehoseJsonContext.Default.PutRecordOutput,
            cancellationToken);
    }

    /// <summary>CreateDeliveryStream. The stream starts <c>CREATING</c> in AWS; poll <see cref="DescribeDeliveryStreamAsync"/> for <c>ACTIVE</c>.</summary>
    /// <remarks>A request without <c>DeliveryStreamType</c> is sent as <c>DirectPut</c>, the source producers write to.</remarks>
    public Task<CreateDeliveryStreamOutput> CreateDeliveryStreamAsync(
        CreateDeliveryStreamInput request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Client.SendAsync(
            "CreateDeliveryStream",
            request.DeliveryStreamType is null ? request with { DeliveryStreamType = DeliveryStreamTypeValues.DirectPut } : request,
            FirehoseJsonContext.Default.CreateDeliveryStreamInput,
            FirehoseJsonContext.Default.CreateDeliveryStreamOutput,
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
            new DescribeDeliveryStreamInput { DeliveryStreamName = deliveryStreamName },
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
    public Task<ListDeliveryStreamsOutput> ListDeliveryStreamsAsync(
        int? limit = null,
        string? exclusiveStartDeliveryStreamName = null,
        string? deliveryStreamType = null,
        CancellationToken cancellationToken = default) =>
        Client.SendAsync(
            "ListDeliveryStreams",
            new ListDeliveryStreamsInput { Limit = limit, DeliveryStreamType = deliveryStreamType, ExclusiveStartDeliveryStreamName = exclusiveStartDeliveryStreamName },
            FirehoseJsonContext.Default.ListDeliveryStreamsInput,
            FirehoseJsonContext.Default.ListDeliveryStreamsOutput,
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
            new DeleteDeliveryStreamInput { DeliveryStreamName = deliveryStreamName, AllowForceDelete = allowForceDelete ? true : null },
            FirehoseJsonContext.Default.DeleteDeliveryStreamInput,
            FirehoseJsonContext.Default.DeleteDeliveryStreamOutput,
            cancellationToken).ConfigureAwait(false);
    }

    // The blob member is a byte[]; a record that is a whole array is sent without a copy.
    private static byte[] Bytes(ReadOnlyMemory<byte> record) =>
        MemoryMarshal.TryGetArray(record, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : record.ToArray();
}
