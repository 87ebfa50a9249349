namespace Pipeline.CrawlerTrigger.Triggering;

/// <summary>The function's configuration (docs/orchestration.md, "Function configuration").</summary>
public sealed record TriggerSettings(string NamePrefix)
{
    public const string NamePrefixVariable = "PIPELINE_NAME_PREFIX";

    /// <summary>Reads the settings; a missing name prefix is a configuration error, so it fails the init phase.</summary>
    public static TriggerSettings FromEnvironment(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var prefix = read(NamePrefixVariable);
        return string.IsNullOrWhiteSpace(prefix)
            ? throw new InvalidOperationException($"{NamePrefixVariable} is not set: the crawler names are <prefix>-<dataset>-raw.")
            : new TriggerSettings(prefix.Trim());
    }
}
