namespace Pipeline.Aws.Athena;

/// <summary>Why a query failed: category 1 system, 2 user, 3 other.</summary>
public sealed record AthenaError(int? ErrorCategory, int? ErrorType, bool? Retryable, string? ErrorMessage);
