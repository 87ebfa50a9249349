using System.Text.Json;
using Pipeline.Aws.Core;

namespace Pipeline.Aws.Sqs;

/// <summary>Amazon SQS over its JSON 1.0 protocol (target <c>AmazonSQS</c>), as current AWS SDKs speak it.</summary>
public sealed class SqsClient : ISqsClient
{
    private static readonly string[] AllAttributes = ["All"];

    /// <summary>Creates a client from <paramref name="options"/> and the environment.</summary>
    public SqsClient(AwsClientOptions options)
        : this(new AwsJsonClient(AwsServices.Sqs, options))
    {
    }

    /// <summary>Creates a client over a JSON client configured for SQS.</summary>
    public SqsClient(AwsJsonClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.Transport.Service.TargetPrefix != AwsServices.Sqs.TargetPrefix)
        {
            throw new ArgumentException($"The client is for {client.Transport.Service.ServiceId}, not SQS.", nameof(client));
        }

        Client = client;
    }

    /// <summary>The underlying JSON client, for operations this type does not wrap.</summary>
    public AwsJsonClient Client { get; }

    /// <inheritdoc />
    public async Task<string> CreateQueueAsync(string queueName, IReadOnlyDictionary<string, string>? attributes = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        var output = await Client.SendAsync("CreateQueue", new CreateQueueInput(queueName, attributes), SqsJsonContext.Default.CreateQueueInput, SqsJsonContext.Default.QueueUrlOutput, cancellationToken).ConfigureAwait(false);
        return output.QueueUrl ?? throw new JsonException("SQS CreateQueue answered without a QueueUrl.");
    }

    /// <inheritdoc />
    public async Task<string> GetQueueUrlAsync(string queueName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        var output = await Client.SendAsync("GetQueueUrl", new GetQueueUrlInput(queueName), SqsJsonContext.Default.GetQueueUrlInput, SqsJsonContext.Default.QueueUrlOutput, cancellationToken).ConfigureAwait(false);
        return output.QueueUrl ?? throw new JsonException("SQS GetQueueUrl answered without a QueueUrl.");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> GetQueueAttributesAsync(string queueUrl, IReadOnlyList<string>? attributeNames = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueUrl);
        var output = await Client.SendAsync("GetQueueAttributes", new GetQueueAttributesInput(queueUrl, attributeNames ?? AllAttributes), SqsJsonContext.Default.GetQueueAttributesInput, SqsJsonContext.Default.QueueAttributesOutput, cancellationToken).ConfigureAwait(false);
        return output.Attributes ?? new Dictionary<string, string>();
    }

    /// <inheritdoc />
    public async Task SetQueueAttributesAsync(string queueUrl, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueUrl);
        ArgumentNullException.ThrowIfNull(attributes);
        await Client.SendAsync("SetQueueAttributes", new SetQueueAttributesInput(queueUrl, attributes), SqsJsonContext.Default.SetQueueAttributesInput, SqsJsonContext.Default.AwsEmptyResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<SqsSendMessageResult> SendMessageAsync(SqsSendMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Client.SendAsync("SendMessage", request, SqsJsonContext.Default.SqsSendMessageRequest, SqsJsonContext.Default.SqsSendMessageResult, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SqsReceivedMessage>> ReceiveMessageAsync(SqsReceiveMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var output = await Client.SendAsync("ReceiveMessage", request, SqsJsonContext.Default.SqsReceiveMessageRequest, SqsJsonContext.Default.ReceiveMessageOutput, cancellationToken).ConfigureAwait(false);
        return output.Messages ?? [];
    }

    /// <inheritdoc />
    public async Task DeleteMessageAsync(string queueUrl, string receiptHandle, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(receiptHandle);
        await Client.SendAsync("DeleteMessage", new DeleteMessageInput(queueUrl, receiptHandle), SqsJsonContext.Default.DeleteMessageInput, SqsJsonContext.Default.AwsEmptyResponse, cancellationToken).ConfigureAwait(false);
    }
}
