namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>A request naming only a queue: DeleteQueue, PurgeQueue.</summary>
internal sealed record QueueUrlInput(string? QueueUrl);
