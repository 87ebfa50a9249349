using System.Diagnostics;

namespace Pipeline.LocalCloud.Sns;

/// <summary>A message on its way to one Lambda or SQS subscription: the function or queue ARN and what it receives.</summary>
/// <param name="Publisher">The span the message was published in; the delivery continues its trace.</param>
internal sealed record SnsDelivery(string MessageId, string Protocol, string Endpoint, string Payload, ActivityContext Publisher = default);
