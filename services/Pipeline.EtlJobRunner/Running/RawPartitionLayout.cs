using System.Globalization;
using Pipeline.Aws.Glue;
using Pipeline.Contracts.Datasets;

namespace Pipeline.EtlJobRunner.Running;

/// <summary>
/// How a dataset's raw partitions are laid out: the hive folders after <c>RawRootFor(dataset)</c> in the raw prefix
/// (<c>year=!{timestamp:yyyy}/month=…/day=…/hour=…/</c>), which the crawler turns into partition keys of those names.
/// </summary>
public sealed class RawPartitionLayout
{
    private readonly string _root;

    public RawPartitionLayout(DeploymentDescription deployment, string dataset)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        _root = deployment.RawRootFor(dataset);
        Keys = deployment.RawPrefixFor(dataset)[_root.Length..]
            .Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => segment.IndexOf('=', StringComparison.Ordinal) is var equals and > 0 ? segment[..equals] : null)
            .TakeWhile(key => key is not null)
            .Select(key => key!)
            .ToArray();
    }

    /// <summary>The partition keys, in folder order.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>
    /// The partition's path relative to the raw root (<c>year=2026/month=11/day=22/hour=05</c>): from its values when
    /// they match the layout's keys, else from its location; null when neither works.
    /// </summary>
    public string? PathOf(Partition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        if (partition.Values.Count > 0 && partition.Values.Count == Keys.Count)
        {
            return string.Join('/', Keys.Zip(partition.Values, (k, v) => $"{k}={v}"));
        }

        // s3://bucket/raw/<dataset>/year=…/ → year=…
        var location = partition.StorageDescriptor?.Location;
        if (location is null || !location.StartsWith("s3://", StringComparison.Ordinal))
        {
            return null;
        }

        var slash = location.IndexOf('/', "s3://".Length);
        var key = slash < 0 ? "" : location[(slash + 1)..];
        return key.StartsWith(_root, StringComparison.Ordinal) && key.Length > _root.Length
            ? key[_root.Length..].Trim('/')
            : null;
    }

    /// <summary>
    /// The time span a partition path covers, from its <c>year</c>/<c>month</c>/<c>day</c>/<c>hour</c> folders (UTC);
    /// null when the path has no year.
    /// </summary>
    public static (DateTimeOffset Start, TimeSpan Length)? TimeRangeOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && int.TryParse(segment[(equals + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                values[segment[..equals]] = value;
            }
        }

        if (!values.TryGetValue("year", out var year))
        {
            return null;
        }

        try
        {
            var start = new DateTimeOffset(year, values.GetValueOrDefault("month", 1), values.GetValueOrDefault("day", 1), values.GetValueOrDefault("hour", 0), 0, 0, TimeSpan.Zero);
            var length = values.ContainsKey("hour") ? TimeSpan.FromHours(1)
                : values.ContainsKey("day") ? TimeSpan.FromDays(1)
                : values.ContainsKey("month") ? start.AddMonths(1) - start
                : start.AddYears(1) - start;
            return (start, length);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
