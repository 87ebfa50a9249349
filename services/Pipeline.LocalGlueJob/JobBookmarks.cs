using System.Text.Json;
using Pipeline.LocalCloud.Glue.Catalog;

namespace Pipeline.LocalCloud.Glue.Jobs.Etl;

/// <summary>
/// A job's bookmark: the raw objects (bucket/key and ETag) its successful runs processed, in
/// <c>&lt;data dir&gt;/glue/job-bookmarks/&lt;escaped job name&gt;.json</c>. An object overwritten with new content has a
/// new ETag and is read again; a redelivered copy under a new key is read and deduplicated by id.
/// </summary>
internal sealed class JobBookmarks(string dataDirectory)
{
    private readonly Lock _lock = new();

    public IReadOnlyDictionary<string, string> Load(string jobName)
    {
        lock (_lock)
        {
            var file = FileFor(jobName);
            return File.Exists(file)
                ? JsonSerializer.Deserialize(File.ReadAllBytes(file), GlueJobsJsonContext.Default.DictionaryStringString) ?? []
                : new Dictionary<string, string>();
        }
    }

    /// <summary>Adds the processed objects; called only once a run has succeeded.</summary>
    public void Commit(string jobName, IEnumerable<KeyValuePair<string, string>> processed)
    {
        lock (_lock)
        {
            var file = FileFor(jobName);
            var current = File.Exists(file)
                ? JsonSerializer.Deserialize(File.ReadAllBytes(file), GlueJobsJsonContext.Default.DictionaryStringString) ?? []
                : new Dictionary<string, string>();
            foreach (var (key, etag) in processed)
            {
                current[key] = etag;
            }

            GlueFiles.WriteAtomically(file, JsonSerializer.SerializeToUtf8Bytes(current, GlueJobsJsonContext.Default.DictionaryStringString));
        }
    }

    private string FileFor(string jobName) => Path.Combine(dataDirectory, GlueCatalog.Folder, "job-bookmarks", Uri.EscapeDataString(jobName) + ".json");
}
