using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.Firehose.Journal;

/// <summary>
/// A stream's append-only record log: segment files <c>&lt;first sequence&gt;.seg</c> of records
/// <c>[length:int32][sequence:int64][arrival ms:int64][crc32:uint32][data]</c>, little-endian. An append is
/// fsync'ed before it returns; a torn tail (a crash mid-append, never acknowledged) is cut off when the journal is
/// opened. Segments whose records are all delivered are deleted, except the one being written.
/// </summary>
internal sealed partial class RecordJournal : IDisposable
{
    public const string Extension = ".seg";

    private const int HeaderSize = 24;

    private readonly object _gate = new();

    // Held by the append that fsyncs for every write made so far.
    private readonly SemaphoreSlim _syncLock = new(1, 1);
    private readonly string _directory;
    private readonly long _segmentBytes;
    private readonly List<JournalSegment> _segments;
    private readonly List<FileStream> _retired = [];
    private List<JournalRecord> _unsynced = [];
    private FileStream? _active;
    private long _nextSequence;
    private long _durableThrough;
    private bool _broken;

    private RecordJournal(string directory, long segmentBytes, List<JournalSegment> segments, long nextSequence)
    {
        _directory = directory;
        _segmentBytes = segmentBytes;
        _segments = segments;
        _nextSequence = nextSequence;
        _durableThrough = nextSequence - 1;
    }

    /// <summary>The sequence number of the last appended record (0 before the first).</summary>
    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _nextSequence - 1;
            }
        }
    }

    /// <summary>The segment files currently on disk, oldest first.</summary>
    public IReadOnlyList<string> SegmentPaths
    {
        get
        {
            lock (_gate)
            {
                return _segments.Select(s => s.Path).ToArray();
            }
        }
    }

    /// <summary>Opens (or creates) the journal in <paramref name="directory"/> and returns the records after <paramref name="deliveredThrough"/>.</summary>
    public static RecordJournal Open(string directory, long segmentBytes, long deliveredThrough, ILogger logger, out List<JournalRecord> undelivered)
    {
        DurableFile.CreateDirectory(directory);
        undelivered = [];
        var segments = new List<JournalSegment>();
        var last = deliveredThrough;
        var files = Directory.EnumerateFiles(directory, "*" + Extension)
            .Select(path => (Path: path, First: FirstSequenceOf(path)))
            .Where(file => file.First > 0)
            .OrderBy(file => file.First)
            .ToArray();

        for (var i = 0; i < files.Length; i++)
        {
            var (path, first) = files[i];
            var bytes = File.ReadAllBytes(path);
            var offset = 0;
            var lastInSegment = first - 1;
            while (TryRead(bytes, offset, lastInSegment + 1, out var record, out var size))
            {
                if (record.Sequence > deliveredThrough)
                {
                    undelivered.Add(record);
                }

                lastInSegment = record.Sequence;
                offset += size;
            }

            if (offset < bytes.Length)
            {
                if (i == files.Length - 1)
                {
                    // A crash during an append leaves part of a record that was never acknowledged.
                    LogTornTail(logger, path, bytes.Length - offset);
                    using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
                    stream.SetLength(offset);
                    stream.Flush(flushToDisk: true);
                }
                else
                {
                    LogCorruptSegment(logger, path, offset, bytes.Length - offset);
                }
            }

            segments.Add(new JournalSegment(path, first, lastInSegment, offset));
            last = Math.Max(last, lastInSegment);
        }

        return new RecordJournal(directory, segmentBytes, segments, last + 1);
    }

    /// <summary>
    /// Called with records once they are durable, in sequence order and each once, by whichever append made them
    /// durable: the stream buffers them here, so it never delivers a record a crash could still take back.
    /// </summary>
    public Action<IReadOnlyList<JournalRecord>>? Durable { get; set; }

    /// <summary>Appends the records with one arrival time; all are durable when this returns, or it throws.</summary>
    public IReadOnlyList<JournalRecord> Append(IReadOnlyList<byte[]> data, DateTimeOffset arrival) =>
        AppendAsync(data, arrival).GetAwaiter().GetResult();

    /// <summary>
    /// Appends the records with one arrival time; all are durable when this returns, or it throws. Concurrent appends
    /// share fsyncs (group commit): each writes its bytes under the lock, then one fsync covers every write made
    /// before it, so N producers wait for about one fsync each instead of queueing behind N.
    /// </summary>
    public async Task<IReadOnlyList<JournalRecord>> AppendAsync(IReadOnlyList<byte[]> data, DateTimeOffset arrival)
    {
        var records = Write(data, arrival);
        if (records.Length == 0)
        {
            return records;
        }

        await _syncLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_durableThrough >= records[^1].Sequence)
            {
                // An append that came after ours has fsync'ed our bytes too.
                return records;
            }

            List<JournalRecord> synced;
            FileStream[] files;
            lock (_gate)
            {
                ThrowIfBroken();
                (synced, _unsynced) = (_unsynced, []);
                files = [.. _retired, _active!];
                _retired.Clear();
            }

            try
            {
                foreach (var file in files)
                {
                    file.Flush(flushToDisk: true);
                }
            }
            catch
            {
                // After a failed fsync the kernel may have dropped the pages: no write since the last good one can be trusted.
                lock (_gate)
                {
                    _broken = true;
                }

                throw;
            }
            finally
            {
                foreach (var retired in files[..^1])
                {
                    retired.Dispose();
                }
            }

            _durableThrough = synced[^1].Sequence;
            Durable?.Invoke(synced);
            return records;
        }
        finally
        {
            _syncLock.Release();
        }
    }

    /// <summary>Deletes the segments, other than the one being written, whose records are all delivered.</summary>
    public void DeleteDeliveredSegments(long deliveredThrough)
    {
        lock (_gate)
        {
            while (_segments.Count > 1 && _segments[0].LastSequence <= deliveredThrough)
            {
                File.Delete(_segments[0].Path);
                _segments.RemoveAt(0);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _active?.Dispose();
            _active = null;
            _retired.ForEach(r => r.Dispose());
            _retired.Clear();
        }
    }

    /// <summary>Writes the records' bytes after the last ones (not yet fsync'ed); a failed write leaves the segment as it was.</summary>
    private JournalRecord[] Write(IReadOnlyList<byte[]> data, DateTimeOffset arrival)
    {
        lock (_gate)
        {
            ThrowIfBroken();
            var active = ActiveSegment();
            var arrivalTime = DateTimeOffset.FromUnixTimeMilliseconds(arrival.ToUnixTimeMilliseconds());
            var records = new JournalRecord[data.Count];
            var buffer = new byte[data.Sum(d => (long)HeaderSize + d.Length)];
            var offset = 0;
            for (var i = 0; i < data.Count; i++)
            {
                records[i] = new JournalRecord(_nextSequence + i, arrivalTime, data[i]);
                offset += Encode(buffer.AsSpan(offset), records[i]);
            }

            var start = active.Length;
            try
            {
                _active!.Position = start;
                _active.Write(buffer);
            }
            catch
            {
                try
                {
                    _active!.SetLength(start);
                }
                catch (IOException)
                {
                    _broken = true;
                }

                throw;
            }

            active.Length += buffer.Length;
            _nextSequence += data.Count;
            active.LastSequence = _nextSequence - 1;
            _unsynced.AddRange(records);
            return records;
        }
    }

    private void ThrowIfBroken()
    {
        if (_broken)
        {
            throw new IOException($"The journal in {_directory} could not be repaired after a failed write; restart LocalCloud.");
        }
    }

    private JournalSegment ActiveSegment()
    {
        var current = _segments.Count > 0 ? _segments[^1] : null;
        if (current is not null && current.Length < _segmentBytes)
        {
            _active ??= OpenForAppend(current.Path, FileMode.Open);
            return current;
        }

        // The segment written so far is fsync'ed and closed by the next append's fsync.
        if (_active is not null)
        {
            _retired.Add(_active);
        }

        var path = Path.Combine(_directory, _nextSequence.ToString("D20", CultureInfo.InvariantCulture) + Extension);
        _active = OpenForAppend(path, FileMode.CreateNew);
        DurableFile.SyncDirectory(_directory);
        var segment = new JournalSegment(path, _nextSequence, _nextSequence - 1, 0);
        _segments.Add(segment);
        return segment;
    }

    private static FileStream OpenForAppend(string path, FileMode mode) =>
        new(path, new FileStreamOptions { Mode = mode, Access = FileAccess.ReadWrite, Share = FileShare.Read, BufferSize = 0 });

    private static int Encode(Span<byte> target, JournalRecord record)
    {
        BinaryPrimitives.WriteInt32LittleEndian(target, record.Data.Length);
        BinaryPrimitives.WriteInt64LittleEndian(target[4..], record.Sequence);
        BinaryPrimitives.WriteInt64LittleEndian(target[12..], record.ArrivalTime.ToUnixTimeMilliseconds());
        record.Data.CopyTo(target[HeaderSize..]);
        BinaryPrimitives.WriteUInt32LittleEndian(target[20..], Checksum(target[4..20], record.Data));
        return HeaderSize + record.Data.Length;
    }

    private static bool TryRead(byte[] bytes, int offset, long expectedSequence, out JournalRecord record, out int size)
    {
        record = null!;
        size = 0;
        var span = bytes.AsSpan(offset);
        if (span.Length < HeaderSize)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(span);
        var sequence = BinaryPrimitives.ReadInt64LittleEndian(span[4..]);
        if (length < 0 || length > span.Length - HeaderSize || sequence != expectedSequence)
        {
            return false;
        }

        var data = span.Slice(HeaderSize, length);
        if (BinaryPrimitives.ReadUInt32LittleEndian(span[20..]) != Checksum(span[4..20], data))
        {
            return false;
        }

        record = new JournalRecord(sequence, DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(span[12..])), data.ToArray());
        size = HeaderSize + length;
        return true;
    }

    /// <summary>CRC-32 (IEEE) of the header after the length, then the data: tells a torn or corrupt record from a whole one.</summary>
    private static uint Checksum(ReadOnlySpan<byte> sequenceAndArrival, ReadOnlySpan<byte> data)
    {
        var crc = new System.IO.Hashing.Crc32();
        crc.Append(sequenceAndArrival);
        crc.Append(data);
        return crc.GetCurrentHashAsUInt32();
    }

    private static long FirstSequenceOf(string path) =>
        long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var first) ? first : 0;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cut {Bytes} bytes of an unfinished append from the end of {Path}")]
    private static partial void LogTornTail(ILogger logger, string path, int bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal segment {Path} is corrupt at offset {Offset}; {Bytes} bytes after it cannot be read")]
    private static partial void LogCorruptSegment(ILogger logger, string path, int offset, int bytes);
}

/// <summary>An accepted record: its position in the stream's journal, its approximate arrival time, its bytes.</summary>
internal sealed record JournalRecord(long Sequence, DateTimeOffset ArrivalTime, byte[] Data);

/// <summary>One segment file of a journal and the sequence numbers it holds (none when Last &lt; First).</summary>
internal sealed class JournalSegment(string path, long firstSequence, long lastSequence, long length)
{
    public string Path { get; } = path;

    public long FirstSequence { get; } = firstSequence;

    public long LastSequence { get; set; } = lastSequence;

    public long Length { get; set; } = length;
}
