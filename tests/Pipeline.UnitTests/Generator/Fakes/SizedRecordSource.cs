using System.Buffers;
using System.Globalization;
using System.Text;
using Pipeline.Generator.Data;

namespace Pipeline.UnitTests.Generator.Fakes;

/// <summary>Records <c>{"n":…,"pad":"xx…"}</c> of exactly the size <see cref="SizeOf"/> gives for each index.</summary>
internal sealed class SizedRecordSource(Func<long, int> sizeOf, bool carriesTraceParent = false) : IRecordSource
{
    private long _next;

    public Func<long, int> SizeOf { get; } = sizeOf;

    public bool CarriesTraceParent { get; } = carriesTraceParent;

    public RecordFlaw WriteNext(IBufferWriter<byte> output)
    {
        var record = Record(_next, SizeOf(_next));
        _next++;
        output.Write(record);
        return RecordFlaw.None;
    }

    /// <summary>The record with index <paramref name="n"/> padded to <paramref name="size"/> bytes.</summary>
    public static byte[] Record(long n, int size)
    {
        var head = $"{{\"n\":{n.ToString(CultureInfo.InvariantCulture)},\"pad\":\"";
        var padding = Math.Max(0, size - head.Length - 2);
        return Encoding.ASCII.GetBytes(head + new string('x', padding) + "\"}");
    }

    /// <summary>The index a record from this source carries.</summary>
    public static long IndexOf(byte[] record)
    {
        var text = Encoding.ASCII.GetString(record, 0, Math.Min(record.Length, 32));
        var start = text.IndexOf(':', StringComparison.Ordinal) + 1;
        var end = text.IndexOf(',', start);
        return long.Parse(text[start..end], CultureInfo.InvariantCulture);
    }
}
