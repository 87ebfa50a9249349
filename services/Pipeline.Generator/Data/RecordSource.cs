using System.Buffers;
using System.Text.Json;
using Pipeline.Contracts.Datasets;
using Pipeline.Generator.Data.Flaws;
using Pipeline.Generator.Data.Json;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.Generator.Data;

/// <summary>
/// The records of one dataset in order: the n-th is stamped <c>StartTime + n / Rate</c> on the simulated clock and, with
/// probability <see cref="RecordSourceOptions.InvalidRatio"/>, deliberately malformed. The same options give the same
/// bytes. Not thread-safe: one producer drives it.
/// </summary>
public sealed class RecordSource : IRecordSource
{
    private readonly IRecordGenerator _generator;
    private readonly FlawInjector _flaws;
    private readonly Utf8JsonWriter _writer = new(new ArrayBufferWriter<byte>(1), RecordJson.WriterOptions);
    private readonly ArrayBufferWriter<byte> _scratch = new(4096);
    private readonly long _startTicks;
    private readonly double _ticksPerRecord;
    private long _position;

    public RecordSource(DatasetDefinition dataset, RecordSourceOptions options)
        : this(dataset, options, RecordGenerators.Create(dataset, options.Seed, options.Rate))
    {
    }

    /// <summary>A source around a given generator (tests, or a benchmark of one generator).</summary>
    public RecordSource(DatasetDefinition dataset, RecordSourceOptions options, IRecordGenerator generator)
    {
        if (!(options.Rate > 0) || double.IsInfinity(options.Rate))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The rate must be a positive number of records per second.");
        }

        if (!(options.InvalidRatio is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The invalid ratio must be between 0 and 1.");
        }

        Dataset = dataset;
        Options = options;
        _generator = generator;

        // A separate stream of draws decides the flaws, so the valid records are the same whatever the ratio.
        _flaws = new FlawInjector(dataset, options.InvalidRatio, unchecked((options.Seed * 397) ^ 0x5F1A7));
        _startTicks = options.StartTime.ToUniversalTime().UtcTicks;
        _ticksPerRecord = TimeSpan.TicksPerSecond / options.Rate;
        CarriesTraceParent = dataset.Fields.Any(f => f.Name == TraceParent.FieldName && f.Type == FieldType.String);
    }

    public DatasetDefinition Dataset { get; }

    public RecordSourceOptions Options { get; }

    /// <summary>True when the dataset declares a top-level <c>traceparent</c> field; only then does the sender add one.</summary>
    public bool CarriesTraceParent { get; }

    /// <summary>How many records have been written so far: the index of the next one.</summary>
    public long Position => _position;

    /// <summary>The flaws the dataset's schema allows (what <see cref="RecordSourceOptions.InvalidRatio"/> draws from).</summary>
    public IReadOnlyList<RecordFlaw> PossibleFlaws => _flaws.Possible;

    /// <summary>The simulated <c>event_time</c> of record <paramref name="index"/>.</summary>
    public DateTimeOffset EventTimeOf(long index) =>
        new(_startTicks + (long)Math.Round(index * _ticksPerRecord), TimeSpan.Zero);

    public RecordFlaw WriteNext(IBufferWriter<byte> output)
    {
        var eventTime = EventTimeOf(_position++);
        var flaw = _flaws.Draw();
        if (flaw == RecordFlaw.None)
        {
            _writer.Reset(output);
            _generator.Write(_writer, eventTime);
            _writer.Flush();
            return flaw;
        }

        _scratch.ResetWrittenCount();
        _writer.Reset(_scratch);
        _generator.Write(_writer, eventTime);
        _writer.Flush();
        _flaws.Apply(flaw, _scratch.WrittenSpan, output, _writer);
        return flaw;
    }

    /// <summary>
    /// Writes the next <paramref name="count"/> records as NDJSON (each followed by <c>\n</c>) and returns the bytes
    /// written. This is the whole generation cost, without sending, which is what a throughput benchmark measures.
    /// </summary>
    public long Generate(int count, IBufferWriter<byte> output, Span<long> flawCounts = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var counter = new CountingBufferWriter(output);
        for (var i = 0; i < count; i++)
        {
            var flaw = WriteNext(counter);
            counter.Write("\n"u8);
            if ((int)flaw < flawCounts.Length)
            {
                flawCounts[(int)flaw]++;
            }
        }

        return counter.Written;
    }
}
