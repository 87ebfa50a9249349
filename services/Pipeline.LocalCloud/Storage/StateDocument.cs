using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Pipeline.LocalCloud.Storage;

/// <summary>
/// A service's state as one JSON document in one file, replaced whole on every save by <see cref="DurableFile.Replace"/>
/// (temp file, fsync, rename, fsync of the folder): a crash leaves the last saved document, never part of one. For state
/// of a few hundred entries that changes at API speed; work items that come and go go to a <see cref="WorkSpool{T}"/>.
/// </summary>
/// <typeparam name="T">The document, serialized with a source-generated <see cref="JsonTypeInfo{T}"/>.</typeparam>
internal sealed class StateDocument<T>(string path, JsonTypeInfo<T> type)
    where T : class
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>
    /// The document last saved, or null when none was. A temp file left by a crash mid-save (never acknowledged) is
    /// removed. Throws <see cref="JsonException"/> when the file cannot be read as a <typeparamref name="T"/>.
    /// </summary>
    public T? Load()
    {
        var temp = Path + DurableFile.TemporarySuffix;
        if (File.Exists(temp))
        {
            File.Delete(temp);
        }

        return File.Exists(Path) ? JsonSerializer.Deserialize(File.ReadAllBytes(Path), type) : null;
    }

    /// <summary>
    /// As <see cref="Load"/>, except that a file that cannot be read is renamed <c>*.unreadable</c> (kept for the user,
    /// not overwritten by the next save) and null returned, with the reason in <paramref name="unreadable"/>.
    /// </summary>
    public T? LoadOrSetAside(out string? unreadable)
    {
        unreadable = null;
        try
        {
            return Load();
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            File.Move(Path, Path + ".unreadable", overwrite: true);
            unreadable = e.Message;
            return null;
        }
    }

    /// <summary>Replaces the document durably; when this returns, a restart loads <paramref name="value"/>.</summary>
    public void Save(T value) => DurableFile.Replace(Path, JsonSerializer.SerializeToUtf8Bytes(value, type));

    /// <summary>Removes the document, if any (not fsync'ed, see <see cref="DurableFile"/>).</summary>
    public void Delete()
    {
        if (File.Exists(Path))
        {
            File.Delete(Path);
        }
    }
}
