namespace Pipeline.LocalCloud.Glue.Jobs;

/// <summary>The arguments a run sees: the job's defaults, the run's on top, the job's non-overridable ones last.</summary>
internal static class JobArguments
{
    public static IReadOnlyDictionary<string, string> Merge(
        IReadOnlyDictionary<string, string>? defaults,
        IReadOnlyDictionary<string, string>? run,
        IReadOnlyDictionary<string, string>? nonOverridable = null)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { defaults, run, nonOverridable })
        {
            foreach (var (key, value) in source ?? new Dictionary<string, string>())
            {
                merged[key] = value;
            }
        }

        return merged;
    }
}
