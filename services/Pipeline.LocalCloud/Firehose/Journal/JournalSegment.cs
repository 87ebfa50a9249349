namespace Pipeline.LocalCloud.Firehose.Journal;

/// <summary>One segment file of a journal and the sequence numbers it holds (none when Last &lt; First).</summary>
internal sealed class JournalSegment(string path, long firstSequence, long lastSequence, long length)
{
    public string Path { get; } = path;

    public long FirstSequence { get; } = firstSequence;

    public long LastSequence { get; set; } = lastSequence;

    public long Length { get; set; } = length;
}
