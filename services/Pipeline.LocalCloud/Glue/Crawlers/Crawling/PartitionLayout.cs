namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>
/// The partitions of one target, from the folders between the target and its objects: as many levels as the
/// shallowest object has, each level named by its Hive-style <c>key=value</c> folders, or <c>partition_&lt;i&gt;</c>
/// (with the whole folder name as the value) when the level's folders are not all <c>key=</c> the same key.
/// </summary>
internal sealed record PartitionLayout(IReadOnlyList<string> Keys, IReadOnlyList<DiscoveredPartition> Partitions)
{
    /// <param name="objects">The target's objects, already filtered.</param>
    /// <param name="fixedKeys">The keys of the existing table, when the layout must match it; null to discover them.</param>
    public static PartitionLayout Discover(IReadOnlyList<CrawlObject> objects, IReadOnlyList<string>? fixedKeys = null)
    {
        if (objects.Count == 0)
        {
            return new PartitionLayout(fixedKeys ?? [], []);
        }

        var folders = objects.Select(o => o.Folders).ToList();
        var depth = fixedKeys?.Count ?? folders.Min(f => f.Length);
        var keys = new List<string>(depth);
        var hive = new bool[depth];
        for (var level = 0; level < depth; level++)
        {
            var names = folders.Where(f => f.Length > level).Select(f => HiveKey(f[level])).Distinct().ToList();
            hive[level] = names.Count == 1 && names[0] is not null;
            keys.Add(fixedKeys?[level] ?? (hive[level] ? names[0]! : $"partition_{level}"));
        }

        var partitions = objects
            .Where(o => o.Folders.Length >= depth)
            .GroupBy(o => string.Concat(o.Folders.Take(depth).Select(f => f + "/")), StringComparer.Ordinal)
            .Select(group =>
            {
                var levels = group.First().Folders.Take(depth).ToList();
                var values = levels.Select((folder, level) => hive[level] ? folder[(folder.IndexOf('=', StringComparison.Ordinal) + 1)..] : folder).ToList();
                return new DiscoveredPartition(values, group.Key, group.ToList());
            })
            .OrderBy(p => p.Folder, StringComparer.Ordinal)
            .ToList();
        return new PartitionLayout(keys, partitions);
    }

    // "Year=2026" → "year"; null without '=' or with nothing before it.
    private static string? HiveKey(string folder)
    {
        var equals = folder.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? TableNaming.Clean(folder[..equals]) : null;
    }
}
