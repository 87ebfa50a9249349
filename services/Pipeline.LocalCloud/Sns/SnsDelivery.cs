namespace Pipeline.LocalCloud.Sns;

/// <summary>A message on its way to one Lambda or SQS subscription: the function or queue ARN and what it receives.</summary>
internal sealed record SnsDelivery(string MessageId, string Protocol, string Endpoint, string Payload);
