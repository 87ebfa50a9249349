namespace Pipeline.LocalCloud.Lambda.Api;

/// <summary>Lambda's <c>DeadLetterConfig</c>, in requests and answers alike.</summary>
internal sealed record DeadLetterConfigDocument
{
    public string? TargetArn { get; init; }
}
