namespace Pipeline.LocalCloud.Sqs;

/// <summary>SQS's quotas that LocalCloud enforces.</summary>
internal static class SqsLimits
{
    public const int MaxMessageBytes = 262_144;

    public const int MaxBatchEntries = 10;

    public const int MaxReceiveMessages = 10;

    public const int MaxWaitSeconds = 20;

    public const int MaxVisibilitySeconds = 43_200;
}
