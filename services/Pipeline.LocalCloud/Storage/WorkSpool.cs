using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Pipeline.LocalCloud.Storage;

/// <summary>
/// Work a service has accepted and not finished, one file per item in a folder of its own: written with
/// <see cref="DurableFile.Replace"/> (temp file, fsync, rename, fsync of the folder) before the work is acknowledged, rewritten
/// when its retry state changes, deleted when it is done. A service started again over the folder finds every item it
/// acknowledged and did not finish, so each is delivered at least once. Deletion is not fsync'ed: a crash just after
/// it can at worst bring an item back that was done, which at-least-once delivery allows.
/// </summary>
/// <typeparam name="T">The item, serialized with a source-generated <see cref="JsonTypeInfo{T}"/>.</typeparam>
internal sealed class WorkSpool<T>
    where T : class
{
    private const string Extension = ".json";
    private const string Unreadable = ".unreadable";

    private readonly JsonTypeInfo<T> _type;
    private long _sequence;

    /// <param name="directory">The folder; created (and made durable in its parent) when missing.</param>
    /// <param name="type">How an item is written and read.</param>
    public WorkSpool(string directory, JsonTypeInfo<T> type)
    {
        Directory = Path.GetFullPath(directory);
        _type = type;
        DurableFile.CreateDirectory(Directory);

        // Keys go on after those of an earlier run, so the order of adding survives restarts.
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*" + Extension))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                _sequence = Math.Max(_sequence, sequence);
            }
        }
    }

    public string Directory { get; }

    /// <summary>
    /// The items left by an earlier run, in the order they were added. A leftover temp file (a crash mid-write, never
    /// acknowledged) is removed; a file that cannot be read is renamed <c>*.unreadable</c> and reported, not retried.
    /// </summary>
    public (IReadOnlyList<(string Key, T Item)> Items, IReadOnlyList<string> Unreadable) Load()
    {
        var items = new List<(string, T)>();
        var unreadable = new List<string>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(DurableFile.TemporarySuffix, StringComparison.Ordinal))
            {
                File.Delete(path);
                continue;
            }

            if (!name.EndsWith(Extension, StringComparison.Ordinal))
            {
                continue;
            }

            var key = name[..^Extension.Length];
            try
            {
                var item = JsonSerializer.Deserialize(File.ReadAllBytes(path), _type) ?? throw new JsonException("the file holds null");
                items.Add((key, item));
            }
            catch (JsonException e)
            {
                File.Move(path, path + Unreadable, overwrite: true);
                unreadable.Add($"{name}: {e.Message}");
            }
        }

        return (items, unreadable);
    }

    /// <summary>Writes a new item durably; its key, which sorts after every key given before.</summary>
    public string Add(T item)
    {
        var key = Interlocked.Increment(ref _sequence).ToString("D19", CultureInfo.InvariantCulture);
        Update(key, item);
        return key;
    }

    /// <summary>Replaces an item (its retry state changed) durably.</summary>
    public void Update(string key, T item) => DurableFile.Replace(PathOf(key), JsonSerializer.SerializeToUtf8Bytes(item, _type));

    /// <summary>The item is done: delivered, or given up.</summary>
    public void Remove(string key) => File.Delete(PathOf(key));

    private string PathOf(string key) => Path.Combine(Directory, key + Extension);
}
