using System.Text.Json;

namespace Pipeline.LocalCloud.Sqs;

/// <summary>
/// All queues and their messages in one JSON file, replaced whole (write, flush, rename) after each change so a
/// crash leaves the previous state or the new one, never half of either.
/// </summary>
internal static class SqsStateFile
{
    public static SqsQueueSnapshot[] Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var bytes = File.ReadAllBytes(path);
        return JsonSerializer.Deserialize(bytes, SqsStateJsonContext.Default.SqsQueueSnapshotArray) ?? [];
    }

    public static void Save(string path, SqsQueueSnapshot[] queues)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, queues, SqsStateJsonContext.Default.SqsQueueSnapshotArray);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
