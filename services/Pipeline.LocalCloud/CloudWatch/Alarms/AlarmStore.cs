using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>
/// The metric alarms, kept in <c>&lt;data dir&gt;/cloudwatch/alarms.json</c> and loaded at start, so alarms (with their
/// states) survive a restart as they do in AWS. Every change rewrites the file atomically (<see cref="StateDocument{T}"/>),
/// so a crash leaves the old file or the new one, never half of either. Reads are lock-free snapshots.
/// </summary>
internal sealed partial class AlarmStore
{
    public const string Folder = "cloudwatch";

    private const string FileName = "alarms.json";

    private readonly Lock _changes = new();
    private readonly ILogger<AlarmStore> _logger;
    private readonly StateDocument<List<MetricAlarm>> _file;
    private volatile Dictionary<string, MetricAlarm> _alarms = new(StringComparer.Ordinal);

    public AlarmStore(LocalCloudOptions cloud, ILogger<AlarmStore> logger)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        _logger = logger;
        Root = Path.Combine(cloud.DataDirectory, Folder);
        _file = new(Path.Combine(Root, FileName), AlarmStoreJsonContext.Default.ListMetricAlarm);
        DurableFile.CreateDirectory(Root);
        Load();
    }

    /// <summary><c>&lt;data dir&gt;/cloudwatch</c>.</summary>
    public string Root { get; }

    public string FilePath => Path.Combine(Root, FileName);

    public int Count => _alarms.Count;

    public MetricAlarm? Find(string name) => _alarms.GetValueOrDefault(name);

    /// <summary>Every alarm, by name in ordinal order (as DescribeAlarms lists them).</summary>
    public IReadOnlyList<MetricAlarm> List() => [.. _alarms.Values.OrderBy(a => a.AlarmName, StringComparer.Ordinal)];

    /// <summary>
    /// Applies <paramref name="change"/> to the alarm named <paramref name="name"/> (null when there is none) and keeps
    /// what it returns (null deletes); the file is written before the change is visible. Returns the kept alarm.
    /// </summary>
    public MetricAlarm? Change(string name, Func<MetricAlarm?, MetricAlarm?> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_changes)
        {
            var current = _alarms.GetValueOrDefault(name);
            var changed = change(current);
            if (ReferenceEquals(changed, current))
            {
                return current;
            }

            var next = new Dictionary<string, MetricAlarm>(_alarms, StringComparer.Ordinal);
            if (changed is null)
            {
                next.Remove(name);
            }
            else
            {
                next[name] = changed;
            }

            Write(next);
            _alarms = next;
            return changed;
        }
    }

    /// <summary>Removes the named alarms that exist; unknown names are ignored, as DeleteAlarms ignores them.</summary>
    public void Delete(IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        lock (_changes)
        {
            if (!names.Any(_alarms.ContainsKey))
            {
                return;
            }

            var next = new Dictionary<string, MetricAlarm>(_alarms, StringComparer.Ordinal);
            foreach (var name in names)
            {
                next.Remove(name);
            }

            Write(next);
            _alarms = next;
        }
    }

    private void Write(Dictionary<string, MetricAlarm> alarms) => _file.Save(alarms.Values.OrderBy(a => a.AlarmName, StringComparer.Ordinal).ToList());

    private void Load()
    {
        // An unreadable file is kept aside rather than overwritten by the next change: the user may want it back.
        var alarms = _file.LoadOrSetAside(out var unreadable) ?? [];
        if (unreadable is not null)
        {
            LogUnreadable(FilePath, unreadable, FilePath + ".unreadable");
        }

        _alarms = alarms.ToDictionary(a => a.AlarmName, StringComparer.Ordinal);
        if (alarms.Count > 0)
        {
            LogLoaded(alarms.Count, FilePath);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CloudWatch: loaded {Count} alarm(s) from {Path}")]
    private partial void LogLoaded(int count, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CloudWatch: could not read {Path} ({Reason}); starting without alarms, the file is kept as {Aside}")]
    private partial void LogUnreadable(string path, string reason, string aside);
}

/// <summary><c>&lt;data dir&gt;/cloudwatch/alarms.json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<MetricAlarm>))]
internal sealed partial class AlarmStoreJsonContext : JsonSerializerContext;
