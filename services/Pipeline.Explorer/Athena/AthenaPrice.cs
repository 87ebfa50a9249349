using Pipeline.Aws.Athena;
using Pipeline.AwsShapes.Athena;

namespace Pipeline.Explorer.Athena;

/// <summary>
/// What Athena charges for a query's scan: $5 per TB, each query billed for at least 10 MB and rounded up to the next
/// megabyte. Binary units, as Athena's bill counts them (1 MB = 2^20 bytes, 1 TB = 2^40 bytes).
/// </summary>
public static class AthenaPrice
{
    public const decimal DollarsPerTerabyte = 5m;

    public const long Megabyte = 1L << 20;

    public const long Terabyte = 1L << 40;

    public const long MinimumBytes = 10 * Megabyte;

    /// <summary>The bytes billed for <paramref name="scannedBytes"/>: rounded up to a megabyte, at least 10 MB.</summary>
    public static long BilledBytes(long scannedBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scannedBytes);
        var megabytes = (scannedBytes + Megabyte - 1) / Megabyte;
        return Math.Max(MinimumBytes, megabytes * Megabyte);
    }

    /// <summary>The price in US dollars of a query that scanned <paramref name="scannedBytes"/>.</summary>
    public static decimal Dollars(long scannedBytes) => BilledBytes(scannedBytes) * DollarsPerTerabyte / Terabyte;

    /// <summary>The price of a finished query: failed queries are not charged, cancelled ones are for what they scanned.</summary>
    public static decimal Dollars(string? state, long scannedBytes) =>
        state is QueryExecutionStateValues.Succeeded or QueryExecutionStateValues.Cancelled ? Dollars(scannedBytes) : 0m;
}
