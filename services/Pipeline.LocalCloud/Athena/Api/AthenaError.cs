namespace Pipeline.LocalCloud.Athena.Api;

/// <summary>Why a query failed: category 1 system, 2 user, 3 other; the type is from Athena's error catalog.</summary>
internal sealed record AthenaError
{
    public int ErrorCategory { get; init; }

    public int ErrorType { get; init; }

    public bool Retryable { get; init; }

    public string? ErrorMessage { get; init; }
}
