using System.Text.Json;
using Pipeline.Aws.Core;
using Pipeline.AwsShapes.EventBridge;

namespace Pipeline.Aws.EventBridge;

/// <summary>Amazon EventBridge over its JSON 1.1 API (target <c>AWSEvents</c>).</summary>
public sealed class EventBridgeClient : IEventBridgeClient
{
    /// <summary>Creates a client from <paramref name="options"/> and the environment.</summary>
    public EventBridgeClient(AwsClientOptions options)
        : this(new AwsJsonClient(AwsServices.EventBridge, options))
    {
    }

    /// <summary>Creates a client over a JSON client configured for EventBridge.</summary>
    public EventBridgeClient(AwsJsonClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.Transport.Service.TargetPrefix != AwsServices.EventBridge.TargetPrefix)
        {
            throw new ArgumentException($"The client is for {client.Transport.Service.ServiceId}, not EventBridge.", nameof(client));
        }

        Client = client;
    }

    /// <summary>The underlying JSON client, for operations this type does not wrap.</summary>
    public AwsJsonClient Client { get; }

    /// <inheritdoc />
    public async Task<string> PutRuleAsync(PutRuleInput request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var output = await Client.SendAsync("PutRule", request, EventBridgeJsonContext.Default.PutRuleInput, EventBridgeJsonContext.Default.PutRuleOutput, cancellationToken).ConfigureAwait(false);
        return output.RuleArn ?? throw new JsonException("EventBridge PutRule answered without a RuleArn.");
    }

    /// <inheritdoc />
    public Task<PutTargetsResponse> PutTargetsAsync(string rule, IReadOnlyList<TargetEntry> targets, string? eventBusName = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        ArgumentNullException.ThrowIfNull(targets);
        return Client.SendAsync("PutTargets", new PutTargetsInput { Rule = rule, EventBusName = eventBusName, Targets = targets }, EventBridgeJsonContext.Default.PutTargetsInput, EventBridgeJsonContext.Default.PutTargetsResponse, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PutEventsOutput> PutEventsAsync(IReadOnlyList<PutEventsEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Client.SendAsync("PutEvents", new PutEventsInput { Entries = entries }, EventBridgeJsonContext.Default.PutEventsInput, EventBridgeJsonContext.Default.PutEventsOutput, cancellationToken);
    }
}
