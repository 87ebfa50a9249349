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
    private readonly string _directory;
    private readonly long _segmentBytes;
    private readonly List<JournalSegment> _segments;
    private FileStream? _active;
    private long _nextSequence;
    private bool _broken;

    private RecordJournal(string directory, long segmentBytes, List<JournalSegment> segments, long nextSequence)
    {
        _directory = directory;
        _segmentBytes = segmentBytes;
        _segments = segments;
        _nextSequence = nextSequence;
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

    /// <summary>Appends the records with one arrival time and fsyncs them; all are durable when this returns, or none are.</summary>
    public IReadOnlyList<JournalRecord> Append(IReadOnlyList<byte[]> data, DateTimeOffset arrival)
    {
        lock (_gate)
        {
            if (_broken)
            {
                throw new IOException($"The journal in {_directory} could not be repaired after a failed write; restart LocalCloud.");
            }

            var active = ActiveSegment();
            var arrivalMs = arrival.ToUnixTimeMilliseconds();
            var records = new JournalRecord[data.Count];
            var buffer = new byte[data.Sum(d => (long)HeaderSize + d.Length)];
            var offset = 0;
            for (var i = 0; i < data.Count; i++)
            {
                records[i] = new JournalRecord(_nextSequence + i, DateTimeOffset.FromUnixTimeMilliseconds(arrivalMs), data[i]);
                offset += Write(buffer.AsSpan(offset), records[i]);
            }

            var start = active.Length;
            try
            {
                _active!.Position = start;
                _active.Write(buffer);
                _active.Flush(flushToDisk: true);
            }
            catch
            {
                try
                {
                    _active!.SetLength(start);
                    _active.Flush(flushToDisk: true);
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
            return records;
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

        _active?.Dispose();
        var path = Path.Combine(_directory, _nextSequence.ToString("D20", CultureInfo.InvariantCulture) + Extension);
        _active = OpenForAppend(path, FileMode.CreateNew);
        DurableFile.SyncDirectory(_directory);
        var segment = new JournalSegment(path, _nextSequence, _nextSequence - 1, 0);
        _segments.Add(segment);
        return segment;
    }

    private static FileStream OpenForAppend(string path, FileMode mode) =>
        new(path, new FileStreamOptions { Mode = mode, Access = FileAccess.ReadWrite, Share = FileShare.Read, BufferSize = 0 });

    private static int Write(Span<byte> target, JournalRecord record)
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

    private static uint Checksum(ReadOnlySpan<byte> sequenceAndArrival, ReadOnlySpan<byte> data) =>
        Crc32.Append(Crc32.Append(0, sequenceAndArrival), data);

    private static long FirstSequenceOf(string path) =>
        long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var first) ? first : 0;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cut {Bytes} bytes of an unfinished append from the end of {Path}")]
    private static partial void LogTornTail(ILogger logger, string path, int bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Journal segment {Path} is corrupt at offset {Offset}; {Bytes} bytes after it cannot be read")]
    private static partial void LogCorruptSegment(ILogger logger, string path, int offset, int bytes);
}
