using System.Text.Json;

namespace Pipeline.LocalGlueJob;

/// <summary>
/// A job's bookmark: the raw objects (bucket/key and ETag) its successful runs processed, as one JSON object in S3 at
/// <c>&lt;run_summary_path&gt;_bookmarks/&lt;escaped job name&gt;.json</c> (Glue keeps bookmarks itself; this script
/// keeps them where it can reach them, through the same API as its data). An object overwritten with new content has
/// a new ETag and is read again; a redelivered copy under a new key is read and deduplicated by id.
/// </summary>
/// <remarks>Runs of one job write one stage table, so they take turns (<see cref="StageLock"/>) and never commit at once.</remarks>
internal sealed class JobBookmarks(IObjectStorage storage, S3Uri folder)
{
    /// <summary>Where the bookmarks of the jobs whose summaries go to <paramref name="runSummaryPath"/> are kept.</summary>
    public static S3Uri FolderFor(S3Uri runSummaryPath) => runSummaryPath with { Prefix = runSummaryPath.Prefix + "_bookmarks/" };

    public async Task<IReadOnlyDictionary<string, string>> LoadAsync(string jobName, CancellationToken cancellationToken = default) =>
        await ReadAsync(jobName, cancellationToken).ConfigureAwait(false);

    /// <summary>Adds the processed objects; called only once a run has succeeded.</summary>
    public async Task CommitAsync(string jobName, IEnumerable<KeyValuePair<string, string>> processed, CancellationToken cancellationToken = default)
    {
        var current = await ReadAsync(jobName, cancellationToken).ConfigureAwait(false);
        foreach (var (key, etag) in processed)
        {
            current[key] = etag;
        }

        using var body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(current, LocalGlueJobJsonContext.Default.DictionaryStringString));
        await storage.PutObjectAsync(folder.Bucket, KeyOf(jobName), body, "application/json", cancellationToken).ConfigureAwait(false);
    }

    private async Task<Dictionary<string, string>> ReadAsync(string jobName, CancellationToken cancellationToken)
    {
        await using var content = await storage.OpenReadAsync(folder.Bucket, KeyOf(jobName), cancellationToken).ConfigureAwait(false);
        return content is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : await JsonSerializer.DeserializeAsync(content, LocalGlueJobJsonContext.Default.DictionaryStringString, cancellationToken).ConfigureAwait(false) ?? [];
    }

    private string KeyOf(string jobName) => folder.Prefix + Uri.EscapeDataString(jobName) + ".json";
}
