namespace Pipeline.LocalCloud.CloudWatch.Metrics;

/// <summary>The rules names and dimension values follow, shared by the API and embedded metric extraction.</summary>
public static class MetricNames
{
    /// <summary>1 to 255 characters, not starting with ':' (the model's pattern), ASCII without control characters.</summary>
    public static bool IsNamespace(string? value) =>
        value is { Length: > 0 and <= CloudWatchLimits.MaxNameLength } && value[0] != ':' && IsPrintableAscii(value);

    /// <summary>1 to 255 characters.</summary>
    public static bool IsMetricName(string? value) =>
        value is { Length: > 0 and <= CloudWatchLimits.MaxNameLength } && !value.Any(char.IsControl);

    /// <summary>1 to 255 printable ASCII characters, not all white space, not starting with ':'.</summary>
    public static bool IsDimensionName(string? value) =>
        value is { Length: > 0 and <= CloudWatchLimits.MaxDimensionNameLength } && value[0] != ':' && IsPrintableAscii(value) && !string.IsNullOrWhiteSpace(value);

    /// <summary>1 to 1024 printable ASCII characters, at least one not white space (what CloudWatch keeps).</summary>
    public static bool IsDimensionValue(string? value) =>
        value is { Length: > 0 and <= CloudWatchLimits.MaxDimensionValueLength } && IsPrintableAscii(value) && !string.IsNullOrWhiteSpace(value);

    /// <summary>A finite value within ±2^360.</summary>
    public static bool IsValue(double value) => double.IsFinite(value) && Math.Abs(value) <= CloudWatchLimits.MaxValueMagnitude;

    private static bool IsPrintableAscii(string value) => value.All(c => c is >= ' ' and <= '~');
}
